/**
 * The minimap as data: one SVG path per colour holding every node of that colour, and the view box
 * that shows both the nodes and the visible part of the canvas. A few elements whatever the
 * pipeline's size (React Flow's MiniMap mounts and subscribes one component per node: on a
 * 1,000-node pipeline that cost more than anything else in an undo or a drag frame).
 */
export type TRect = { x: number; y: number; width: number; height: number };

export function colourPaths<T>(items: readonly T[], rectOf: (item: T) => TRect, colourOf: (item: T) => string): { colour: string; d: string }[] {
  const byColour = new Map<string, string[]>();
  for (const item of items) {
    const r = rectOf(item);
    const colour = colourOf(item);
    const parts = byColour.get(colour) ?? [];
    parts.push(`M${Math.round(r.x)} ${Math.round(r.y)}h${Math.round(r.width)}v${Math.round(r.height)}h${-Math.round(r.width)}z`);
    byColour.set(colour, parts);
  }
  return [...byColour].map(([colour, parts]) => ({ colour, d: parts.join('') }));
}

export function boundsOf(rects: readonly TRect[]): TRect | null {
  if (rects.length === 0) return null;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The box to draw: nodes and view together, padded, widened to the minimap's aspect ratio and centred. */
export function viewBoxFor(content: TRect | null, view: TRect, aspect: number, pad = 0.05): TRect {
  const all = content ? boundsOf([content, view])! : view;
  let width = all.width * (1 + 2 * pad);
  let height = all.height * (1 + 2 * pad);
  if (width / height > aspect) height = width / aspect;
  else width = height * aspect;
  return { x: all.x + all.width / 2 - width / 2, y: all.y + all.height / 2 - height / 2, width, height };
}
