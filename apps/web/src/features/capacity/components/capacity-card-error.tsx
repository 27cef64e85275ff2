interface CapacityCardErrorProps {
  title: string;
  message: string | undefined;
  retrying: boolean;
  onRetry: () => void;
}

/** A card whose figures failed: the reason and a retry, under the card's own title. */
export function CapacityCardError({ title, message, retrying, onRetry }: CapacityCardErrorProps) {
  return (
    <section className="card chart-card" aria-label={title}>
      <h2 className="card-title">{title}</h2>
      <div className="card-error" role="alert">
        <p>{message ?? 'The server did not answer.'}</p>
        <button type="button" className="button button-quiet" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    </section>
  );
}
