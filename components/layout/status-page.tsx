import { LinkButton } from "@/components/ui/button";

/** The shared frame of the 403 and 404 pages. */
export function StatusPage({ code, title, body, home }: { code: number; title: string; body: string; home: string }) {
  return (
    <main className="mx-auto max-w-xl p-10 text-center">
      {/* not-found and forbidden cannot export metadata; React hoists this into <head>. */}
      <title>{title}</title>
      <p className={code === 403 ? "text-sm font-semibold text-red-800" : "text-sm font-semibold text-slate-600"}>{code}</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{body}</p>
      <LinkButton href="/" className="mt-6">
        {home}
      </LinkButton>
    </main>
  );
}
