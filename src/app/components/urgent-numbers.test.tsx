// Real councils' pages do not always publish their safety numbers (issue 13 item 5): their settings
// files leave a number out with a `sources` entry saying why. The urgent numbers then leave out that
// line, never show an empty link, and 999 and Childline are always there.
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import cambridgeshireFile from "../../../public/councils/cambridgeshire.json";
import norfolkFile from "../../../public/councils/norfolk.json";
import { parseCouncilSettings } from "../../domain/council";
import { exampleBorough, renderAt } from "../../../test/setup/render-app";

const files: Record<string, unknown> = { cambridgeshire: cambridgeshireFile, norfolk: norfolkFile };
const council = (id: string) => parseCouncilSettings(`${id}.json`, files[id]);
const privacyHeading = () => screen.findByRole("heading", { level: 1, name: "How your information is used" }, { timeout: 5000 });

const dangerLinks = async () => {
  const box = await screen.findByRole("region", { name: "Are you in danger now?" });
  return within(box)
    .getAllByRole("link")
    .map((link) => link.getAttribute("href"));
};

describe("urgent numbers on the start page", () => {
  it("shows both of the council's numbers when it has them", async () => {
    renderAt("/", exampleBorough);
    expect(await dangerLinks()).toEqual(["tel:999", "tel:08001111", "tel:01632960200", "tel:01632960999"]);
  });

  it("leaves out the out-of-hours line when the council has published only its children's services number", async () => {
    renderAt("/", council("cambridgeshire"));
    expect(await dangerLinks()).toEqual(["tel:999", "tel:08001111", "tel:03450455203"]);
    expect(screen.queryByText(/at night or at weekends/)).toBeNull();
  });

  it("still shows 999 and Childline when the council has published neither number", async () => {
    renderAt("/", council("norfolk"));
    expect(await dangerLinks()).toEqual(["tel:999", "tel:08001111"]);
  });
});

describe("the privacy page without a council privacy notice", () => {
  it("leaves out the link to the council's own notice rather than linking nowhere", async () => {
    renderAt("/privacy", council("norfolk"));
    await privacyHeading();
    expect(screen.queryByText(/own privacy notice/)).toBeNull();
    expect(screen.getAllByText("The council has not said yet.").length).toBeGreaterThan(0);
  });

  it("links to it when there is one", async () => {
    renderAt("/privacy", exampleBorough);
    await privacyHeading();
    expect(screen.getByRole("link", { name: /own privacy notice/ })).toHaveAttribute("href", exampleBorough.privacyNotice);
  });
});
