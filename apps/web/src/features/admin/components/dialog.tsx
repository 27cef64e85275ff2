import { useEffect, useId, useRef } from 'react';
import type { ReactNode, SyntheticEvent } from 'react';

interface DialogProps {
  title: string;
  /** Called on Escape and by the dialog's own Cancel buttons. */
  onClose: () => void;
  children: ReactNode;
  /** `alertdialog` for a question that needs an answer (disabling a user). */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog on the browser's own `<dialog>`: the page behind is inert, focus moves to
 * the first control inside, Escape closes it, and focus goes back to the control that
 * opened it. Mounted only while open.
 */
export function Dialog({ title, onClose, children, role = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Browsers without modal dialogs still show it in place.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // Escape: React state decides when the dialog goes, not the browser.
  const cancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onClose();
  };

  return (
    <dialog ref={ref} className="dialog card" role={role === 'alertdialog' ? 'alertdialog' : undefined} aria-labelledby={titleId} onCancel={cancel}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
