import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComponentProps } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderAt } from "../../../../test/setup/render-app";
import { db } from "../../lib/db";
import { settingsRepository } from "../../lib/settings-repository";
import type * as FormFields from "../../components/form-fields";

/** Every time a question's choices are drawn, by field id. */
const drawn = vi.hoisted((): string[] => []);

vi.mock("../../components/form-fields", async (importOriginal) => {
  const actual = await importOriginal<typeof FormFields>();
  return {
    ...actual,
    ChoicesField: (props: ComponentProps<typeof actual.ChoicesField>) => {
      drawn.push(props.id);
      return actual.ChoicesField(props);
    },
  };
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  await settingsRepository().rememberPinOffered();
  drawn.splice(0);
});

describe("a question page as it first appears (issue 9)", () => {
  it("draws its question once: the form getting ready does not draw the page again", async () => {
    renderAt("/complaint/who");
    await screen.findByRole("radio", { name: /I'm the child or young person/ });
    // Let every effect of the first drawing run, and anything they start settle.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drawn).toEqual(["field-role"]);
  });

  it("still draws the question again when there is something new to show: the error for a missing answer", async () => {
    renderAt("/complaint/who");
    await screen.findByRole("radio", { name: /I'm the child or young person/ });
    drawn.splice(0);
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { name: "There is a problem" });
    expect(drawn).toContain("field-role");
    expect(screen.getByRole("group", { name: /Who is filling this in\?/ })).toHaveTextContent("Choose who is filling this in");
  });
});
