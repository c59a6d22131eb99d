// The metadata of an exported PDF. Chromium (headless or Electron's printToPDF) writes its user
// agent as Creator and "Skia/PDF" as Producer: traces of the machine that made the file. A
// report carries the app's own values only: its (pseudonymised) title, VKZ as creator and
// producer, the dates; no author, subject or keywords, and no XMP metadata stream.
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';

export const PDF_CREATOR = 'VKZ';

export interface PdfMetadata {
  /** The report's title as it is in the document (already pseudonymised). */
  title: string;
}

/** The PDF with its document information replaced by the app's own (see the file comment). */
export async function withAppMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  // A fresh information dictionary: nothing of what the printer wrote is kept (pdf-lib writes
  // every object it holds, so the old one is deleted, not just unlinked).
  const printerInfo = doc.context.trailerInfo.Info;
  if (printerInfo instanceof PDFRef) doc.context.delete(printerInfo);
  doc.context.trailerInfo.Info = doc.context.register(doc.context.obj({}));
  const now = new Date();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(PDF_CREATOR);
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  // An XMP stream may repeat the printer's names (PDF/A output does): drop it with its object.
  const xmp = doc.catalog.get(PDFName.of('Metadata'));
  doc.catalog.delete(PDFName.of('Metadata'));
  if (xmp instanceof PDFRef) doc.context.delete(xmp);
  // No object streams: every object stays readable to a reviewer's plain search of the file.
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}
