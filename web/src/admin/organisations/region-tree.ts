import type { Region } from "./api.ts";

/** A region with its children, for tree tables and tree pickers. */
export interface RegionNode extends Region {
  children?: RegionNode[];
}

/** Nests the server's parents-first list into a forest; a region whose parent is not listed becomes a root. */
export function buildRegionTree(regions: Region[]): RegionNode[] {
  const byCode = new Map<string, RegionNode>(regions.map((r) => [r.code, { ...r }]));
  const roots: RegionNode[] = [];
  for (const node of byCode.values()) {
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

/** Tree-picker data: every region is shown for context, only those `isSelectable` can be chosen. */
export function regionPickerData(
  nodes: RegionNode[],
  isSelectable: (region: Region) => boolean,
): { value: string; title: string; disabled: boolean; children?: ReturnType<typeof regionPickerData> }[] {
  return nodes.map((node) => ({
    value: node.code,
    title: `${node.name}（${node.code}）`,
    disabled: !isSelectable(node),
    ...(node.children ? { children: regionPickerData(node.children, isSelectable) } : {}),
  }));
}

/** The regions matching words in their name or code, with no tree (for searching). */
export function filterRegions(regions: Region[], words: string): Region[] {
  const needle = words.trim();
  if (!needle) return regions;
  return regions.filter((r) => r.name.includes(needle) || r.code.startsWith(needle));
}
