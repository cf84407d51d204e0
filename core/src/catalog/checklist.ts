import type { ItemContent, Material } from "./item-content.ts";

/** A material on a personal checklist, with the question (situation id) that put it there, if any. */
export type ChecklistMaterial = Material & { addedBy: string | null };

/** The personal checklist (个性化材料清单) the 情形引导 turns answers into. */
export type Checklist = {
  materials: ChecklistMaterial[];
  conditions: string[];
  /** Situations not answered yet (or answered with a label the question does not offer). */
  unanswered: string[];
};

/**
 * Turns situation answers (situation id → chosen option label) into the materials and conditions one
 * applicant needs. Non-conditional materials are listed unless an answer removes or replaces them;
 * conditional ones only when an answer adds them. Answers apply in the order the questions are asked,
 * so a later question may undo an earlier one. The list keeps the item's material order, which is the
 * order the guide prints and the case engine checks.
 */
export function buildChecklist(content: ItemContent, answers: Readonly<Record<string, string>>): Checklist {
  const known = new Set(content.materials.map((material) => material.id));
  // id → the question that added it (null: listed by default).
  const included = new Map<string, string | null>();
  for (const material of content.materials) {
    if (!material.conditional) included.set(material.id, null);
  }
  const conditions = [...content.conditions];
  const unanswered: string[] = [];

  for (const situation of content.situations) {
    const label = Object.hasOwn(answers, situation.id) ? answers[situation.id] : undefined;
    const option = situation.options.find((candidate) => candidate.label === label);
    if (!option) {
      unanswered.push(situation.id);
      continue;
    }
    for (const effect of option.effects) {
      switch (effect.kind) {
        case "add-material":
          // Effects naming a material the item lacks are a catalog error (consistency rule), not the applicant's.
          if (known.has(effect.material)) included.set(effect.material, situation.id);
          break;
        case "remove-material":
          included.delete(effect.material);
          break;
        case "replace-material":
          included.delete(effect.material);
          if (known.has(effect.by)) included.set(effect.by, situation.id);
          break;
        case "add-condition":
          if (!conditions.includes(effect.text)) conditions.push(effect.text);
          break;
      }
    }
  }

  const materials: ChecklistMaterial[] = [];
  const seen = new Set<string>();
  for (const material of content.materials) {
    if (!included.has(material.id) || seen.has(material.id)) continue;
    seen.add(material.id);
    materials.push({ ...material, addedBy: included.get(material.id) ?? null });
  }
  return { materials, conditions, unanswered };
}
