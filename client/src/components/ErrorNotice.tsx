import type { ReactNode } from 'react';

interface ErrorNoticeProps {
  title: string;
  message: string;
  children?: ReactNode;
}

/** Shows an announced error with the server's message and optional actions such as "Retry". */
export function ErrorNotice({ title, message, children }: ErrorNoticeProps) {
  return (
    <div role="alert" className="notice notice--error">
      <strong className="notice__title">{title}</strong>
      <p className="notice__message">{message}</p>
      {children}
    </div>
  );
}
