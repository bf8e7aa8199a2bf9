import { cva } from "class-variance-authority";

// Apart from button.tsx (which brings next/link and tailwind-merge along) so that a client
// component on every route, the root error page, and the login form can style a plain <button>
// for the price of cva alone.
export const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:pointer-events-none disabled:opacity-50",
  {
    variants: {
      variant: {
        primary: "bg-blue-700 text-white hover:bg-blue-800",
        secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50",
        danger: "bg-red-700 text-white hover:bg-red-800",
        ghost: "text-slate-700 hover:bg-slate-100",
        link: "text-blue-700 underline-offset-4 hover:underline",
      },
      size: { sm: "h-8 px-3", md: "h-10 px-4", icon: "h-9 w-9" },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);
