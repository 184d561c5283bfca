import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";

export type SignInEmailTexts = {
  preview: string;
  heading: string;
  intro: string;
  codeLabel: string;
  button: string;
  linkFallback: string;
  expiry: string;
  ignore: string;
  footer: string;
};

type Props = { lang: string; texts: SignInEmailTexts; code: string; link: string };

const brand700 = "#0b5561";

export function SignInEmail({ lang, texts, code, link }: Props) {
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
          <Section>
            <Text style={{ fontSize: "14px", color: "#374151", margin: "0" }}>{texts.codeLabel}</Text>
            <Text style={{ fontSize: "32px", fontWeight: 700, letterSpacing: "6px", color: "#111827", margin: "4px 0 16px" }}>{code}</Text>
          </Section>
          <Button
            href={link}
            style={{ backgroundColor: brand700, color: "#ffffff", padding: "12px 20px", borderRadius: "6px", fontSize: "16px", fontWeight: 600 }}
          >
            {texts.button}
          </Button>
          <Text style={{ fontSize: "14px", color: "#374151" }}>{texts.linkFallback}</Text>
          <Text style={{ fontSize: "14px", wordBreak: "break-all", color: brand700 }}>{link}</Text>
          <Text style={{ fontSize: "14px", color: "#374151" }}>{texts.expiry}</Text>
          <Text style={{ fontSize: "14px", color: "#374151" }}>{texts.ignore}</Text>
          <Hr />
          <Text style={{ fontSize: "12px", color: "#4b5563" }}>{texts.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
