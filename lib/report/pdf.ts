// Server code (pdfkit); the board report (board-report.ts) is marked server-only.
import PDFDocument from "pdfkit";

/** A report as text already translated and formatted: title, lines under it, sections of text and tables. */
export interface ReportDocument {
  title: string;
  subtitle: string[];
  sections: ReportSection[];
  footer: string;
}

export interface ReportSection {
  heading: string;
  lines?: string[];
  table?: { columns: { label: string; width: number; align?: "left" | "right" }[]; rows: string[][] };
  empty?: string;
}

const MARGIN = 48;
const BODY = 9.5;

/**
 * Renders a report as an A4 PDF with the standard Helvetica (WinAnsi covers German): headings,
 * lines and tables whose rows break across pages with the header repeated. Column widths are
 * shares of the text width.
 */
export function renderPdf(report: ReportDocument, meta: { author: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, bufferPages: true, info: { Title: report.title, Author: meta.author } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;

  doc.font("Helvetica-Bold").fontSize(18).text(report.title);
  doc.moveDown(0.3);
  doc.font("Helvetica").fontSize(10).fillColor("#334155");
  for (const line of report.subtitle) doc.text(line);
  doc.fillColor("#000000");

  for (const s of report.sections) {
    doc.moveDown(1);
    if (doc.y > bottom() - 60) doc.addPage();
    doc.font("Helvetica-Bold").fontSize(13).text(s.heading, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    doc.font("Helvetica").fontSize(BODY);
    for (const line of s.lines ?? []) doc.text(line, MARGIN, doc.y, { width });
    if (s.table && s.table.rows.length) table(doc, s.table, width, bottom);
    else if (s.table && s.empty) doc.fillColor("#475569").text(s.empty, MARGIN, doc.y, { width }).fillColor("#000000");
  }

  // Page numbers and the footer on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page for the footer; lift the margin first.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8).fillColor("#475569");
    doc.text(`${report.footer} · ${i + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN + 10, { width, align: "center", lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

function table(doc: PDFKit.PDFDocument, t: NonNullable<ReportSection["table"]>, width: number, bottom: () => number) {
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * width);
  const pad = 3;
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(BODY);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
    const h = rowHeight(cells, bold);
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!bold) drawRow(t.columns.map((c) => c.label), true, true);
    }
    const y = doc.y;
    if (shade) doc.rect(doc.page.margins.left, y, width, h).fill("#f1f5f9").fillColor("#000000");
    let x = doc.page.margins.left;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(BODY);
    cells.forEach((c, i) => {
      doc.text(c, x + pad, y + pad, { width: widths[i] - 2 * pad, align: t.columns[i].align ?? "left" });
      x += widths[i];
    });
    doc.moveTo(doc.page.margins.left, y + h).lineTo(doc.page.margins.left + width, y + h).lineWidth(0.5).strokeColor("#cbd5e1").stroke();
    doc.x = doc.page.margins.left;
    doc.y = y + h;
  };
  drawRow(t.columns.map((c) => c.label), true, true);
  for (const r of t.rows) drawRow(r, false, false);
}
