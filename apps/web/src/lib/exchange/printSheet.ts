/**
 * Prints a page made for paper (the compte rendu of minutes) instead of the screen: the sheet
 * is added hidden, and the print stylesheet (ExportMenu) shows only it while `printing-sheet`
 * is set. The browser's print dialog makes the PDF.
 */
export function printSheet(html: string, title: string): void {
  document.querySelectorAll('.print-sheet').forEach((el) => el.remove());
  const sheet = document.createElement('article');
  sheet.className = 'print-sheet';
  sheet.setAttribute('aria-hidden', 'true');
  // Made by TipTap's serializer from the document schema: text escaped, links checked.
  sheet.innerHTML = html;
  document.body.append(sheet);
  document.documentElement.classList.add('printing-sheet');
  const previous = document.title;
  document.title = title;
  const done = (): void => {
    sheet.remove();
    document.documentElement.classList.remove('printing-sheet');
    document.title = previous;
  };
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}
