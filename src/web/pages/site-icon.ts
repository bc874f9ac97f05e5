/** The favicon: the logo from the page header, as SVG. */
export const SITE_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="3" y="6" width="26" height="20" rx="3" fill="#fdeee4" stroke="#c2410c" stroke-width="2"/><path d="M8 12h10M8 16h16M8 20h12" stroke="#c2410c" stroke-width="2" stroke-linecap="round"/><circle cx="24" cy="12" r="2.2" fill="#c2410c"/></svg>`;
