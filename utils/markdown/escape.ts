/** Text we place inside [link text] or ![alt]: brackets would end it, and <, `, *, _, $ would start HTML,
 *  code, emphasis or math. One line. */
export function escapeLabel(s: string): string {
  return s.replace(/([\\[\]<>`*_$])/g, '\\$1').replace(/\s+/g, ' ').trim();
}
