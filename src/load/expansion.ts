// Aliases let a small file describe a huge tree ("billion laughs"): js-yaml shares the anchored
// object, but everything after the parse walks the tree as written out. Count the expanded size
// once, sharing work per object, and stop as soon as it passes the limit.

/** Whether the value, with every alias written out, has more than `limit` nodes. */
export function expandsBeyond(root: unknown, limit: number): boolean {
  const sizes = new Map<object, number>();
  // Iterative post-order: a deep tree must not overflow the stack.
  const stack: Array<{ node: object; children: unknown[]; next: number; total: number }> = [];
  const enter = (node: object) => stack.push({ node, children: Array.isArray(node) ? node : Object.values(node), next: 0, total: 1 });
  if (root === null || typeof root !== 'object') return false;
  enter(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (child === null || typeof child !== 'object') {
        top.total++;
      } else {
        const known = sizes.get(child);
        if (known !== undefined) top.total += known;
        else if (stack.some((f) => f.node === child)) return true; // a cycle cannot come from YAML; treat as unbounded
        else enter(child);
      }
      if (top.total > limit) return true;
      continue;
    }
    stack.pop();
    sizes.set(top.node, top.total);
    if (stack.length > 0) {
      const parent = stack[stack.length - 1];
      parent.total += top.total;
      if (parent.total > limit) return true;
    }
  }
  return false;
}
