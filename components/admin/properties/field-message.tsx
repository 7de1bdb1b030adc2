/** A control's error under it, announced when it appears; the control names it in its aria-describedby. */
export function FieldMessage({ id, message, className = "mt-1" }: { id: string; message?: string; className?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className={`${className} text-sm text-red-700`}>
      {message}
    </p>
  );
}
