import type { Messages } from "./zh-CN.ts";

/** English messages of case routing (reassign) and the material library, the `routing` section of en-US.ts. */
export const routingEnUS: Messages["routing"] = {
  reassign: {
    target: "Reassign to",
    targetPlaceholder: "Choose a place or department",
    noTargets: "No other place or department in your scope can handle this item",
    place: "Place",
    department: "Implementing department",
    pickTarget: "Choose the place or department to send the case to",
    loadFailed: "Could not load the reassignment targets: {{reason}}",
  },
  library: {
    open: "Choose from my materials",
    openFor: "Choose {{name}} from my materials",
    title: "Material library: {{name}}",
    intro:
      "Files given before can be reused without uploading them again. Files for the same material come first.",
    empty: "There are no files in the material library yet",
    loading: "Loading the material library…",
    use: "Use",
    useFile: "Use {{name}}",
    sameMaterial: "Same material",
    usedIn: "{{material}} · {{item}} · {{case}}",
    draftCase: "draft",
    lastUsed: "Last used {{time}}",
    file: "File",
    details: "Given for",
    size: "Size",
    failed: "Could not reuse the file: {{reason}}",
    close: "Close",
  },
};
