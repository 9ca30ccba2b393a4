package io.edgeconf.policy.parse;

/** The kinds of tokens of the policy language. */
enum TokenKind {
  IDENT("a name"),
  INT("an integer"),
  DURATION("a duration"),
  DECIMAL("a decimal number"),
  STRING("a string"),
  DOC("a ## comment"),
  NEWLINE("the end of the line"),
  EOF("the end of the file"),
  LPAREN("`(`"),
  RPAREN("`)`"),
  LBRACE("`{`"),
  RBRACE("`}`"),
  COMMA("`,`"),
  COLON("`:`"),
  ASSIGN("`=`"),
  DOTDOT("`..`"),
  PLUS("`+`"),
  MINUS("`-`"),
  STAR("`*`"),
  SLASH("`/`"),
  PERCENT("`%`"),
  EQ("`==`"),
  NE("`!=`"),
  LT("`<`"),
  LE("`<=`"),
  GT("`>`"),
  GE("`>=`");

  private final String description;

  TokenKind(String description) {
    this.description = description;
  }

  /** How the kind is named in "expected ..." messages. */
  String description() {
    return description;
  }
}
