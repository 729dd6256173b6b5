const SVG = 'http://www.w3.org/2000/svg';

/**
 * Creates an SVG element with attributes, optionally inside a parent.
 *
 * @example
 * ```ts
 * svgElement('circle', { cx: 10, cy: 10, r: 4 }, root);
 * ```
 */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  parent?: Element,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  parent?.append(element);
  return element;
}
