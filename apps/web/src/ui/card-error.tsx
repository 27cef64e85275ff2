interface CardErrorProps {
  message: string | undefined;
  retrying: boolean;
  onRetry: () => void;
  height: number;
}

/** A card whose figures failed: the reason and a retry, in the room the figures would take. */
export function CardError({ message, retrying, onRetry, height }: CardErrorProps) {
  return (
    <div className="card-error" role="alert" style={{ minHeight: height }}>
      <p>{message ?? 'The server did not answer.'}</p>
      <button type="button" className="button button-quiet" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
