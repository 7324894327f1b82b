/** How long the outgoing wall takes to fade away over the incoming one. */
export const CROSS_FADE_MS = 900;

/**
 * Lays a still copy of the wall on screen over it, to be called just before the wall changes: the new wall is drawn
 * beneath the copy, which then fades away, so the change is a cross-fade with no blank frame in between. Charts are
 * canvases, which a copy of the page leaves empty: their pixels are painted into the copy's.
 */
export function crossFadeFrom(document: Document): void {
  const wall = document.querySelector('gc-wall');
  if (!(wall instanceof HTMLElement) || wall.parentElement === null) return;
  const still = wall.cloneNode(true) as HTMLElement;
  const canvases = wall.querySelectorAll('canvas');
  still.querySelectorAll('canvas').forEach((copy, index) => {
    const source = canvases[index];
    if (source === undefined || source.width === 0 || source.height === 0) return;
    copy.getContext('2d')?.drawImage(source, 0, 0);
  });
  still.removeAttribute('id');
  still.setAttribute('aria-hidden', 'true');
  still.setAttribute('data-cross-fade', '');
  Object.assign(still.style, { position: 'absolute', inset: '0', pointerEvents: 'none', zIndex: '5' });
  wall.parentElement.insertBefore(still, wall.nextSibling);
  const fade = still.animate?.([{ opacity: 1 }, { opacity: 0 }], { duration: CROSS_FADE_MS, easing: 'ease-in-out', fill: 'forwards' });
  if (fade === undefined) still.remove();
  else fade.onfinish = () => still.remove();
}
