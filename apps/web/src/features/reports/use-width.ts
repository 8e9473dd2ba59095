import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of an element, known before the first paint: measured in a layout effect (whose
 * state update React renders before the browser paints), then followed by a ResizeObserver.
 * A chart drawn at its width therefore appears in the same frame as the table beside it,
 * instead of one frame later as with a size read only from the observer.
 */
export function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
