/** The class on <html> that makes print.css print only the personal checklist of the guide. */
export const PRINT_CHECKLIST_CLASS = "print-checklist";

/**
 * Prints the personal checklist alone: marks <html> for print.css, opens the print dialog and clears the
 * mark afterwards, so a later Ctrl+P prints the whole guide again.
 */
export function printChecklist(): void {
  const root = document.documentElement;
  root.classList.add(PRINT_CHECKLIST_CLASS);
  window.addEventListener("afterprint", () => root.classList.remove(PRINT_CHECKLIST_CLASS), { once: true });
  window.print();
}
