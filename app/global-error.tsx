"use client";

// The root layout itself failed, so no translations are available: both languages, plainly.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="de">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2.5rem", textAlign: "center" }}>
        <h1>Etwas ist schiefgelaufen · Something went wrong</h1>
        <p>Bitte versuchen Sie es erneut. · Please try again.</p>
        <button type="button" onClick={reset}>
          Erneut versuchen · Try again
        </button>
      </body>
    </html>
  );
}
