/**
 * The fast-weight matrix `W [H, H]` as a heat map on a canvas, one pixel per
 * entry (scaled up by CSS): red for positive, blue for negative, white near
 * zero, scaled by the largest magnitude of the current matrix.
 */
export class HeatmapView {
  private readonly context: CanvasRenderingContext2D;
  private readonly image: ImageData;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly size: number,
  ) {
    canvas.width = size;
    canvas.height = size;
    this.context = canvas.getContext('2d')!;
    this.image = this.context.createImageData(size, size);
  }

  /** Paints `values`, the matrix row after row. */
  draw(values: Float32Array): void {
    let largest = 1e-9;
    for (const value of values) largest = Math.max(largest, Math.abs(value));
    const pixels = this.image.data;
    for (let i = 0; i < this.size * this.size; i++) {
      const share = Math.min(1, Math.abs(values[i] ?? 0) / largest);
      const faded = Math.round(255 * (1 - share));
      const positive = (values[i] ?? 0) >= 0;
      pixels[4 * i] = positive ? 255 : faded;
      pixels[4 * i + 1] = faded;
      pixels[4 * i + 2] = positive ? faded : 255;
      pixels[4 * i + 3] = 255;
    }
    this.context.putImageData(this.image, 0, 0);
  }
}
