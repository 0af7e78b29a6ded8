/**
 * The receipt as ESC/POS commands, the language of the 58 mm thermal printers at cooperative counters
 * (Bluetooth and USB printers of the kind sold for kasir apps all take it; a PDF would need a driver
 * they do not have). The same 32-column lines as the text receipt, then a feed and a cut, encoded by a
 * maintained encoder. Loaded on first use: most requests print nothing, so cold starts do not carry it.
 */
export async function receiptEscPos(text: string): Promise<Uint8Array> {
  const { default: ReceiptPrinterEncoder } = await import('@point-of-sale/receipt-printer-encoder');
  let receipt = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: 32 }).initialize();
  for (const line of text.split('\n')) receipt = receipt.line(line);
  return receipt.newline(3).cut().encode();
}
