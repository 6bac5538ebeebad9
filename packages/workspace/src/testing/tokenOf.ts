/** The fake relay's invite token (`<space>.<token>`) of an invite link, without its preview. */
export function tokenOf(link: string): string {
  return link.split('#')[1]!.split('.').slice(0, 2).join('.');
}
