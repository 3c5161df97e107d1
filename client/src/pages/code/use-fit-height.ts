import { useLayoutEffect, type RefObject } from 'react';

/**
 * Space kept between the list and the key help bar, in pixels: room for
 * the panel's border and its "new theme" and "Save & next" buttons.
 */
const GAP = 80;
/** The list never shrinks below this, even in a very short window. */
const MIN_HEIGHT = 128;

/**
 * Caps an element's height so it ends above the fixed key help bar, from
 * where it starts on screen now; re-measured on scroll and resize. CSS
 * alone cannot know how tall the filters above wrap to.
 */
export function useFitHeight(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    function fit() {
      const element = ref.current;
      if (!element) return;
      const help = document.querySelector('.key-help');
      const bottom = help
        ? help.getBoundingClientRect().top
        : window.innerHeight;
      const top = Math.max(0, element.getBoundingClientRect().top);
      const room = Math.max(MIN_HEIGHT, bottom - top - GAP);
      element.style.maxHeight = `${Math.floor(room)}px`;
    }
    fit();
    window.addEventListener('resize', fit);
    window.addEventListener('scroll', fit, { passive: true });
    return () => {
      window.removeEventListener('resize', fit);
      window.removeEventListener('scroll', fit);
    };
  }, [ref]);
}
