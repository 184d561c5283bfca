import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";

export type TriageEmailTexts = {
  preview: string;
  heading: string;
  intro: string;
  /** The answer or reason, written by a person: shown as a quote, plain text. */
  quoteLabel: string | null;
  quote: string | null;
  details: { label: string; value: string }[];
  button: string;
  linkFallback: string;
  footer: string;
};

type Props = { lang: string; texts: TriageEmailTexts; link: string };

const brand700 = "#0b5561";
const label = { fontSize: "14px", color: "#374151", margin: "12px 0 0" };
const value = { fontSize: "16px", color: "#111827", margin: "2px 0 0", fontWeight: 600 };

/** Answers to the submitter, transfers and assignments share this layout. */
export function TriageEmail({ lang, texts, link }: Props) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{texts.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f6f7", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Heading as="h1" style={{ fontSize: "22px", color: "#111827" }}>
            {texts.heading}
          </Heading>
          <Text style={{ fontSize: "16px", color: "#111827" }}>{texts.intro}</Text>
          {texts.details.map((d) => (
            <Section key={d.label}>
              <Text style={label}>{d.label}</Text>
              <Text style={value}>{d.value}</Text>
            </Section>
          ))}
          {texts.quote ? (
            <Section style={{ borderLeft: `4px solid ${brand700}`, paddingLeft: "12px", marginTop: "16px" }}>
              {texts.quoteLabel ? <Text style={label}>{texts.quoteLabel}</Text> : null}
              <Text style={{ fontSize: "16px", color: "#111827", whiteSpace: "pre-wrap" }}>{texts.quote}</Text>
            </Section>
          ) : null}
          <Button
            href={link}
            style={{ backgroundColor: brand700, color: "#ffffff", padding: "12px 20px", borderRadius: "6px", fontSize: "16px", fontWeight: 600, marginTop: "16px" }}
          >
            {texts.button}
          </Button>
          <Text style={{ fontSize: "14px", color: "#374151" }}>{texts.linkFallback}</Text>
          <Text style={{ fontSize: "14px", wordBreak: "break-all", color: brand700 }}>{link}</Text>
          <Hr />
          <Text style={{ fontSize: "12px", color: "#4b5563" }}>{texts.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
