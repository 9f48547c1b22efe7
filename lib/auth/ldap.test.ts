import { describe, expect, it } from "vitest";
import { escapeDnValue, escapeFilterValue, userDn, userFilter } from "./ldap";

describe("escapeFilterValue (RFC 4515)", () => {
  it.each([
    ["coordinator", "coordinator"],
    ["zhang.san-01_x", "zhang.san-01_x"],
    ["张三", "张三"],
    ["*", "\\2a"],
    ["coord*", "coord\\2a"],
    ["*)(uid=*", "\\2a\\29\\28uid=\\2a"],
    ["admin)(|(objectClass=*", "admin\\29\\28|\\28objectClass=\\2a"],
    ["back\\slash", "back\\5cslash"],
    ["nul\0byte", "nul\\00byte"],
    ["already\\2a", "already\\5c2a"],
  ])("%j → %j", (value, expected) => {
    expect(escapeFilterValue(value)).toBe(expected);
  });
});

describe("userFilter", () => {
  it.each([
    ["(uid={username})", "*)(uid=*", "(uid=\\2a\\29\\28uid=\\2a)"],
    ["(sAMAccountName={username})", "coord*", "(sAMAccountName=coord\\2a)"],
    ["(|(uid={username})(mail={username}))", "a*", "(|(uid=a\\2a)(mail=a\\2a))"],
  ])("%s with %j", (template, username, expected) => {
    expect(userFilter(template, username)).toBe(expected);
  });
});

describe("escapeDnValue (RFC 4514) and userDn", () => {
  it.each([
    ["coordinator", "coordinator"],
    ["a,ou=admins", "a\\,ou\\=admins"],
    ["x+cn=y", "x\\+cn\\=y"],
    ['q"<>;', 'q\\"\\<\\>\\;'],
    ["#lead", "\\#lead"],
    [" lead", "\\ lead"],
    ["trail ", "trail\\ "],
    ["back\\slash", "back\\\\slash"],
  ])("%j → %j", (value, expected) => {
    expect(escapeDnValue(value)).toBe(expected);
  });

  it("puts the escaped name into the template", () => {
    expect(userDn("uid={username},ou=people,dc=example,dc=org", "evil,dc=org")).toBe("uid=evil\\,dc\\=org,ou=people,dc=example,dc=org");
    expect(userDn("{username}@corp.example", "zhangsan")).toBe("zhangsan@corp.example");
  });
});
