// Small stroke icons (24×24, currentColor) for node types and toolbar buttons.
const PATHS = {
  start: <path d="M7 4.5v15l12-7.5z" />,
  ai_generate: (
    <>
      <path d="M11 3l1.9 5.1L18 10l-5.1 1.9L11 17l-1.9-5.1L4 10l5.1-1.9z" />
      <path d="M19 15l.8 2.2L22 18l-2.2.8L19 21l-.8-2.2L16 18l2.2-.8z" />
    </>
  ),
  send_email: (
    <>
      <rect x="2.5" y="5" width="19" height="14" rx="2.5" />
      <path d="M3 7l9 6 9-6" />
    </>
  ),
  wait: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3.5 2" />
    </>
  ),
  decision: (
    <>
      <path d="M12 21v-6.5a4 4 0 0 0-1.2-2.8L4 5" />
      <path d="M4 10V5h5" />
      <path d="M14 10l6-5" />
      <path d="M15 5h5v5" />
    </>
  ),
  update_lead: (
    <>
      <circle cx="9" cy="8" r="4" />
      <path d="M3 20v-1a5 5 0 0 1 5-5h3" />
      <path d="M18.5 13.5l2 2-5.5 5.5H13v-2z" />
    </>
  ),
  task: (
    <>
      <rect x="3.5" y="3.5" width="17" height="17" rx="3" />
      <path d="M8.5 12l2.5 2.5 4.5-5" />
    </>
  ),
  end: (
    <>
      <path d="M5 21V4" />
      <path d="M5 4h11l-2 4 2 4H5" />
    </>
  ),
  undo: (
    <>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </>
  ),
  redo: (
    <>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </>
  ),
  tidy: (
    <>
      <rect x="4" y="3" width="16" height="5" rx="1.5" />
      <rect x="4" y="16" width="7" height="5" rx="1.5" />
      <rect x="13" y="16" width="7" height="5" rx="1.5" />
      <path d="M12 8v4M7.5 16v-2h9v2" />
    </>
  ),
  trash: (
    <>
      <path d="M4 7h16" />
      <path d="M10 11v6M14 11v6" />
      <path d="M6 7l1 13h10l1-13" />
      <path d="M9 7V4h6v3" />
    </>
  ),
  alert: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5M12 16.5v.01" />
    </>
  ),
  grip: (
    <>
      <circle cx="9" cy="6" r="1" />
      <circle cx="15" cy="6" r="1" />
      <circle cx="9" cy="12" r="1" />
      <circle cx="15" cy="12" r="1" />
      <circle cx="9" cy="18" r="1" />
      <circle cx="15" cy="18" r="1" />
    </>
  ),
};

export function Icon({ name, size = 18 }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.9"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {PATHS[name] || PATHS.task}
    </svg>
  );
}
