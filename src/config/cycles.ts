/** One link of a graph read from a configuration file: `from` → `to`, on the file's row `line`. */
export interface Link {
  from: string;
  to: string;
  line: number;
}

/** A closed path: its units in order, the first repeated at the end, and the rows of its links. */
export interface Cycle {
  path: string[];
  lines: number[];
}

/**
 * The cycles the links close (a → b → a; a → a): one per link that leads back into the path being
 * followed, so every cycle has a listed link and a fix for each list entry leaves none. The views follow
 * these links recursively, and a cycle would make them run for ever: the configuration check names it.
 */
export function findCycles(links: readonly Link[]): Cycle[] {
  const out = new Map<string, Link[]>();
  for (const l of links) out.set(l.from, [...(out.get(l.from) ?? []), l]);
  const done = new Set<string>();
  const cycles: Cycle[] = [];
  // The links that led to each unit on the current path, in order; a link back into it closes a cycle.
  const path: Link[] = [];
  const onPath = new Set<string>();
  const visit = (node: string) => {
    onPath.add(node);
    for (const link of out.get(node) ?? []) {
      if (onPath.has(link.to)) {
        const start = path.findIndex((l) => l.from === link.to);
        const closed = [...(start < 0 ? [] : path.slice(start)), link];
        cycles.push({ path: [...closed.map((l) => l.from), link.to], lines: closed.map((l) => l.line) });
      } else if (!done.has(link.to)) {
        path.push(link);
        visit(link.to);
        path.pop();
      }
    }
    onPath.delete(node);
    done.add(node);
  };
  for (const node of [...out.keys()].sort()) if (!done.has(node)) visit(node);
  return cycles;
}
