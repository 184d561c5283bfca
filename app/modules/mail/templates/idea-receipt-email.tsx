import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";

export type IdeaReceiptEmailTexts = {
  preview: string;
  heading: string;
  intro: string;
  onBehalfCopy: string | null;
  numberLabel: string;
  titleLabel: string;
  networkLabel: string;
  reasonsLabel: string;
  reasons: string[];
  nextHeading: string;
  next: string;
  dueLabel: string;
  button: string;
  linkFallback: string;
  privacy: string;
  footer: string;
};

type Props = { lang: string; texts: IdeaReceiptEmailTexts; number: string; title: string; networkName: string; dueDate: string; link: string };

const brand700 = "#0b5561";
const label = { fontSize: "14px", color: "#374151", margin: "12px 0 0" };
const value = { fontSize: "16px", color: "#111827", margin: "2px 0 0", fontWeight: 600 };

export function IdeaReceiptEmail({ lang, texts, number, title, networkName, dueDate, link }: Props) {
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
          {texts.onBehalfCopy ? <Text style={{ fontSize: "16px", color: "#111827" }}>{texts.onBehalfCopy}</Text> : null}
          <Section>
            <Text style={label}>{texts.numberLabel}</Text>
            <Text style={value}>{number}</Text>
            <Text style={label}>{texts.titleLabel}</Text>
            <Text style={value}>{title}</Text>
            <Text style={label}>{texts.networkLabel}</Text>
            <Text style={value}>{networkName}</Text>
            {texts.reasons.length > 0 ? (
              <>
                <Text style={label}>{texts.reasonsLabel}</Text>
                {texts.reasons.map((reason) => (
                  <Text key={reason} style={{ fontSize: "15px", color: "#111827", margin: "2px 0 0" }}>
                    {reason}
                  </Text>
                ))}
              </>
            ) : null}
            <Text style={label}>{texts.dueLabel}</Text>
            <Text style={value}>{dueDate}</Text>
          </Section>
          <Heading as="h2" style={{ fontSize: "18px", color: "#111827", marginTop: "24px" }}>
            {texts.nextHeading}
          </Heading>
          <Text style={{ fontSize: "16px", color: "#111827" }}>{texts.next}</Text>
          <Button
            href={link}
            style={{ backgroundColor: brand700, color: "#ffffff", padding: "12px 20px", borderRadius: "6px", fontSize: "16px", fontWeight: 600 }}
          >
            {texts.button}
          </Button>
          <Text style={{ fontSize: "14px", color: "#374151" }}>{texts.linkFallback}</Text>
          <Text style={{ fontSize: "14px", wordBreak: "break-all", color: brand700 }}>{link}</Text>
          <Text style={{ fontSize: "13px", color: "#4b5563" }}>{texts.privacy}</Text>
          <Hr />
          <Text style={{ fontSize: "12px", color: "#4b5563" }}>{texts.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
