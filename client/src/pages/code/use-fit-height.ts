import { useLayoutEffect, type RefObject } from 'react';

/** Space kept between the column's last button and the key help bar. */
const MARGIN = 8;
/** The list never shrinks below this, even in a very short window. */
const MIN_HEIGHT = 112;

/**
 * Where the key help bar's top is when it sits at the bottom of the
 * window. It is sticky: when it sits higher, it follows the panel, so
 * nothing above it can reach it either way. Measured from the window, not
 * from where the bar is now, so the list's height never feeds back into
 * the room it gets.
 */
function helpTop(): number {
  const help = document.querySelector<HTMLElement>('.key-help');
  return window.innerHeight - (help?.offsetHeight ?? 0);
}

/**
 * Caps a scrolling list's height so its whole column (`column`: what sits
 * under the list too, such as the new theme form and the "Save & next"
 * button) ends above the key help bar. Re-measured when the window scrolls
 * or resizes and when the column's content changes size (a form opens, a
 * notice wraps): CSS alone cannot know how tall the filters above wrap to.
 */
export function useFitHeight(
  ref: RefObject<HTMLElement | null>,
  columnSelector: string,
): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const column = element.closest(columnSelector) ?? element;
    const help = document.querySelector('.key-help');
    function fit() {
      if (!element) return;
      const list = element.getBoundingClientRect();
      const below = column.getBoundingClientRect().bottom - list.bottom;
      const top = Math.max(0, list.top);
      const room = Math.max(MIN_HEIGHT, helpTop() - top - below - MARGIN);
      const next = `${Math.floor(room)}px`;
      // Only a change resizes the column: the observer then settles.
      if (element.style.maxHeight !== next) element.style.maxHeight = next;
    }
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(column);
    if (help) observer.observe(help);
    window.addEventListener('resize', fit);
    window.addEventListener('scroll', fit, { passive: true });
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
      window.removeEventListener('scroll', fit);
    };
  }, [ref, columnSelector]);
}
