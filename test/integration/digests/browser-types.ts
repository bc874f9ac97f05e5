/**
 * The few browser types the Chromium tests use inside page.evaluate. The project
 * compiles without the DOM lib, so each test declares `document` and friends with these.
 */
export interface BrowserRect {
  left: number;
  right: number;
  width: number;
  height: number;
}

export interface BrowserElement {
  getBoundingClientRect(): BrowserRect;
  getAttribute(name: string): string | null;
  readonly attributes: Iterable<{ name: string }>;
  readonly textContent: string | null;
  readonly firstChild: { textContent: string | null } | null;
  /** Set on anchors. */
  readonly protocol?: string;
}

export interface BrowserDocument {
  readonly documentElement: { scrollWidth: number };
  readonly images: Iterable<BrowserElement>;
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): Iterable<BrowserElement> & { length: number };
}

export interface BrowserStyle {
  color: string;
  backgroundColor: string;
  visibility: string;
  display: string;
  opacity: string;
}
