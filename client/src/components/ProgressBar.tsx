/** A labelled progress bar; `value` is between 0 and `max`. */
export function ProgressBar(props: {
  label: string;
  value: number;
  max: number;
}) {
  const { label, value, max } = props;
  return (
    <progress
      className="progress"
      aria-label={label}
      value={Math.min(value, max)}
      max={Math.max(max, 1)}
    />
  );
}
