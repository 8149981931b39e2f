/** Small inline icons; decorative (the text next to them says the same), so hidden from screen readers. */
export type IconName =
  'error' | 'warning' | 'info' | 'check' | 'copy' | 'eye' | 'eye-off' | 'external' | 'folder' | 'spinner';

const PATHS: Readonly<Record<IconName, string>> = {
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1 5h2v7h-2V7Zm0 9h2v2h-2v-2Z',
  warning: 'M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z',
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z',
  check: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2Z',
  copy: 'M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1Zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2Zm0 16H8V7h11v14Z',
  eye: 'M12 5C7 5 2.7 8.1 1 12c1.7 3.9 6 7 11 7s9.3-3.1 11-7c-1.7-3.9-6-7-11-7Zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9Zm0-7a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z',
  'eye-off':
    'M2 4.3 3.3 3 21 20.7 19.7 22l-3.1-3.1A11.8 11.8 0 0 1 12 20c-5 0-9.3-3.1-11-7 .8-1.9 2.2-3.6 3.9-4.9L2 4.3ZM12 6c5 0 9.3 3.1 11 7-.6 1.4-1.5 2.7-2.6 3.8l-3-3A4.5 4.5 0 0 0 12 8.5c-.5 0-1 .1-1.5.2L8.3 6.5C9.5 6.2 10.7 6 12 6Z',
  external:
    'M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14V3ZM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2Z',
  folder: 'M10 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-8l-2-2Z',
  spinner: 'M12 2a10 10 0 1 0 10 10h-2a8 8 0 1 1-8-8V2Z',
};

/** An icon at text size. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={`icon icon-${name}${className === undefined ? '' : ` ${className}`}`}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
