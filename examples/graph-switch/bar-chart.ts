const BLOCKS = ' ▁▂▃▄▅▆▇█';

/**
 * Draws values in [0, 1] as a bar chart `rows` characters tall, one column
 * per `bucket` consecutive values (their mean), top row first. Each row is
 * `1 / rows` of the range; partial blocks show the fraction within a row.
 *
 * @example
 * ```ts
 * barChart([0.2, 0.4, 1, 1], 2, 2); // ['  █', '▅██'] (columns: 0.3, 1)
 * ```
 */
export function barChart(values: ArrayLike<number>, bucket: number, rows: number): string[] {
  const means: number[] = [];
  for (let start = 0; start < values.length; start += bucket) {
    const end = Math.min(start + bucket, values.length);
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i]!;
    means.push(sum / (end - start));
  }
  return Array.from({ length: rows }, (_, k) => {
    const row = rows - 1 - k;
    return means.map((mean) => BLOCKS[Math.round(Math.min(1, Math.max(0, mean * rows - row)) * (BLOCKS.length - 1))]).join('');
  });
}
