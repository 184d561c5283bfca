import type { Config } from "tailwindcss";

// Loaded by app/styles/app.css through `@config`; colours chosen for WCAG AA contrast on white.
export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef6f7",
          100: "#d5e9ec",
          600: "#0f6674",
          700: "#0b5561",
          800: "#08424b",
          900: "#062f36",
        },
        warn: { 50: "#fff8e6", 800: "#6b4500" },
        danger: { 50: "#fdecec", 700: "#a61b1b" },
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
      },
    },
  },
} satisfies Config;
