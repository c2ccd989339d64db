// Go's tokens: kinds, spellings, binary-operator precedence and the keyword table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/go/source.h"

namespace gb::go {

enum class Tok : std::uint8_t {
  Illegal,
  Eof,
  Semicolon,  // explicit ";" or one inserted at a newline / EOF (Token::text says which)

  // Literals.
  Ident,
  Int,
  Float,
  Imag,
  Char,
  String,

  // Operators and punctuation.
  Add,     // +
  Sub,     // -
  Mul,     // *
  Quo,     // /
  Rem,     // %
  And,     // &
  Or,      // |
  Xor,     // ^
  Shl,     // <<
  Shr,     // >>
  AndNot,  // &^

  AddAssign,     // +=
  SubAssign,     // -=
  MulAssign,     // *=
  QuoAssign,     // /=
  RemAssign,     // %=
  AndAssign,     // &=
  OrAssign,      // |=
  XorAssign,     // ^=
  ShlAssign,     // <<=
  ShrAssign,     // >>=
  AndNotAssign,  // &^=

  LAnd,   // &&
  LOr,    // ||
  Arrow,  // <-
  Inc,    // ++
  Dec,    // --

  Eql,       // ==
  Lss,       // <
  Gtr,       // >
  Assign,    // =
  Not,       // !
  Neq,       // !=
  Leq,       // <=
  Geq,       // >=
  Define,    // :=
  Ellipsis,  // ...
  Tilde,     // ~ (only lexed, so generic code gets a clear parse error rather than an invalid character)

  LParen,  // (
  LBrack,  // [
  LBrace,  // {
  Comma,   // ,
  Period,  // .
  RParen,  // )
  RBrack,  // ]
  RBrace,  // }
  Colon,   // :

  // Keywords.
  Break,
  Case,
  Chan,
  Const,
  Continue,
  Default,
  Defer,
  Else,
  Fallthrough,
  For,
  Func,
  Go,
  Goto,
  If,
  Import,
  Interface,
  Map,
  Package,
  Range,
  Return,
  Select,
  Struct,
  Switch,
  Type,
  Var,

  Count_,
};

// The source spelling of an operator or keyword ("+=", "func"), or a name for the other kinds.
std::string_view tok_spelling(Tok t);

// Binary precedence as in the spec: 5 for * / % << >> & &^, 4 for + - | ^, 3 comparisons, 2 &&, 1 ||;
// 0 for tokens that are not binary operators.
int binary_precedence(Tok t);

bool is_keyword(Tok t);
bool is_literal(Tok t);
// For an op-assignment token (+=), the binary operator it applies (+); Illegal otherwise.
Tok assign_op_base(Tok t);

// Keyword for an identifier-shaped lexeme, or Tok::Ident.
Tok lookup_keyword(std::string_view word);

struct Token {
  Tok kind = Tok::Illegal;
  Pos pos;
  std::uint32_t offset = 0;  // byte offset of the token's first byte
  std::string text;          // identifier or literal source; "semicolon", "newline" or "EOF" for Semicolon
  std::string value;         // decoded bytes of a string literal
  std::uint32_t rune = 0;    // code point of a rune literal
  bool bad = false;          // literal with a reported error (the parser must not complain again)
};

}  // namespace gb::go
