import "server-only";
import path from "node:path";
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { PreviewStamp } from "./preview-stamp";

// pdfjs-dist ships Liberation Sans for its standard fonts: the stamp uses it too, so no system font is needed.
const stampFont = "AtelierStamp";
let fontRegistered = false;

function registerStampFont(): void {
  if (fontRegistered) return;
  GlobalFonts.registerFromPath(path.join(process.cwd(), "node_modules/pdfjs-dist/standard_fonts/LiberationSans-Bold.ttf"), stampFont);
  fontRegistered = true;
}

function hexToRgba(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** Shrinks the font until the text fits the width (long references, many signatures). */
function fitFont(context: SKRSContext2D, text: string, size: number, maxWidth: number): number {
  let fitted = size;
  context.font = `${fitted}px ${stampFont}`;
  while (fitted > 8 && context.measureText(text).width > maxWidth) {
    fitted -= 1;
    context.font = `${fitted}px ${stampFont}`;
  }
  return fitted;
}

/** A word across the page's diagonal, translucent, as large as the page allows. */
function drawDiagonal(context: SKRSContext2D, text: string, color: string, width: number, height: number, offset: number): void {
  const diagonal = Math.hypot(width, height);
  context.save();
  context.translate(width / 2, height / 2 + offset);
  context.rotate(-Math.atan2(height, width));
  fitFont(context, text, Math.round(diagonal / 8), diagonal * 0.8);
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillStyle = color;
  context.fillText(text, 0, 0);
  context.restore();
}

/** A band of lines above or below the page: white text on a dark strip, so the stamp never hides the drawing. */
function bandHeight(width: number, lines: number): { size: number; lineHeight: number; height: number } {
  const size = Math.max(10, Math.round(width / 70));
  const lineHeight = Math.round(size * 1.35);
  return { size, lineHeight, height: lines * lineHeight + size };
}

function drawBand(context: SKRSContext2D, lines: string[], width: number, top: number): void {
  const { size, lineHeight, height } = bandHeight(width, lines.length);
  context.save();
  context.fillStyle = "#1f2937";
  context.fillRect(0, top, width, height);
  context.fillStyle = "#ffffff";
  context.textBaseline = "top";
  lines.forEach((line, index) => {
    fitFont(context, line, size, width - size * 2);
    context.fillText(line, size, top + size / 2 + index * lineHeight);
  });
  context.restore();
}

/**
 * The page with its stamp: the system stamp's lines in a band above it and the viewer's line below it, the DRAFT
 * banner and the custom watermarks across it.
 */
export function stampedPage(page: Canvas, stamp: PreviewStamp): Canvas {
  registerStampFont();
  const header = [stamp.header, ...stamp.signatures.slice(0, 4), ...(stamp.signatures.length > 4 ? ["…"] : [])];
  const top = bandHeight(page.width, header.length).height;
  const bottom = bandHeight(page.width, 1).height;
  const canvas = createCanvas(page.width, top + page.height + bottom);
  const context = canvas.getContext("2d");
  context.drawImage(page, 0, top);
  drawBand(context, header, page.width, 0);
  drawBand(context, [stamp.viewer], page.width, top + page.height);

  const diagonals = [
    ...(stamp.banner ? [{ text: stamp.banner, color: "rgba(220, 38, 38, 0.22)" }] : []),
    ...stamp.watermarks.map((watermark) => ({ text: watermark.text, color: hexToRgba(watermark.color, 0.25) })),
  ];
  const spacing = Math.round(page.height / 6);
  context.save();
  context.translate(0, top);
  // Stacked around the centre: the first in the middle, then alternately below and above.
  diagonals.forEach((diagonal, index) => {
    const offset = index === 0 ? 0 : Math.ceil(index / 2) * spacing * (index % 2 === 1 ? 1 : -1);
    drawDiagonal(context, diagonal.text, diagonal.color, page.width, page.height, offset);
  });
  context.restore();
  return canvas;
}
