import { useEffect } from "react";

/** Wrappers that scroll a wide table (the app's one class for them). */
const SCROLLERS = ".table-wrap";

/**
 * A table wider than its page scrolls inside its wrapper, and a keyboard user can scroll it only
 * if the wrapper takes focus (WCAG 2.1.1; axe-core's scrollable-region-focusable). Every wrapper
 * in the page that scrolls gets `tabindex="0"`, one that no longer does loses it again — at any
 * width or zoom, whatever page drew it, without each of the app's tables having to remember.
 */
export function useScrollRegions(root: () => HTMLElement | null): void {
  useEffect(() => {
    const el = root();
    if (!el) return;
    let queued = 0;
    const mark = () => {
      queued = 0;
      for (const wrap of el.querySelectorAll<HTMLElement>(SCROLLERS)) {
        const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
        if (scrolls && !wrap.hasAttribute("tabindex")) {
          wrap.tabIndex = 0;
          wrap.dataset.scrollRegion = "";
        } else if (!scrolls && wrap.dataset.scrollRegion !== undefined) {
          wrap.removeAttribute("tabindex");
          delete wrap.dataset.scrollRegion;
        }
      }
    };
    const later = () => {
      if (!queued) queued = requestAnimationFrame(mark);
    };
    const changes = new MutationObserver(later);
    changes.observe(el, { childList: true, subtree: true });
    window.addEventListener("resize", later);
    mark();
    return () => {
      changes.disconnect();
      window.removeEventListener("resize", later);
      if (queued) cancelAnimationFrame(queued);
    };
  }, [root]);
}
