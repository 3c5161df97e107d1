const KEYS: [string, string][] = [
  ['1–9, b…', 'tick theme'],
  ['j / k', 'move highlight'],
  ['Space', 'tick highlight'],
  ['a', 'accept ★'],
  ['0', 'no theme'],
  ['Enter', 'save & next'],
  ['←', 'back'],
  ['z', 'undo'],
  ['n', 'new theme'],
  ['/', 'search'],
];

/** The footer line of shortcuts, always on screen. */
export function KeyHelp() {
  return (
    <footer className="key-help" aria-label="Keyboard shortcuts">
      {KEYS.map(([key, what]) => (
        <span key={key}>
          <kbd>{key}</kbd> {what}
        </span>
      ))}
    </footer>
  );
}
