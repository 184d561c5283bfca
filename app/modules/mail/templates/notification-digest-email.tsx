import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

export type NotificationDigestSection = { heading: string | null; items: { text: string; link: string | null }[] };

export type NotificationDigestTexts = {
  preview: string;
  heading: string;
  intro: string | null;
  button: string;
  linkFallback: string;
  settingsHint: string;
  footer: string;
};

type Props = { lang: string; texts: NotificationDigestTexts; sections: NotificationDigestSection[]; link: string; settingsLink: string };

const brand700 = "#0b5561";
const body = { fontSize: "16px", color: "#111827" };

/** One notification, the daily digest and the weekly network digest share this layout. */
export function NotificationDigestEmail({ lang, texts, sections, link, settingsLink }: Props) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{texts.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f6f7", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Heading as="h1" style={{ fontSize: "22px", color: "#111827" }}>
            {texts.heading}
          </Heading>
          {texts.intro ? <Text style={body}>{texts.intro}</Text> : null}
          {sections.map((section, index) => (
            <Section key={`${section.heading ?? ""}-${index}`}>
              {section.heading ? (
                <Heading as="h2" style={{ fontSize: "18px", color: "#111827", marginTop: "20px" }}>
                  {section.heading}
                </Heading>
              ) : null}
              {section.items.map((item) => (
                <Text key={item.text} style={{ ...body, margin: "6px 0" }}>
                  {item.link ? (
                    <Link href={item.link} style={{ color: brand700 }}>
                      {item.text}
                    </Link>
                  ) : (
                    item.text
                  )}
                </Text>
              ))}
            </Section>
          ))}
          <Button
            href={link}
            style={{ backgroundColor: brand700, color: "#ffffff", padding: "12px 20px", borderRadius: "6px", fontSize: "16px", fontWeight: 600, marginTop: "16px" }}
          >
            {texts.button}
          </Button>
          <Text style={{ fontSize: "14px", color: "#374151" }}>{texts.linkFallback}</Text>
          <Text style={{ fontSize: "14px", wordBreak: "break-all", color: brand700 }}>{link}</Text>
          <Text style={{ fontSize: "13px", color: "#4b5563" }}>
            {texts.settingsHint} <Link href={settingsLink}>{settingsLink}</Link>
          </Text>
          <Hr />
          <Text style={{ fontSize: "12px", color: "#4b5563" }}>{texts.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
