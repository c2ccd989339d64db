// Token spellings, operator precedence and the keyword table.
#include "sim/go/token.h"

#include <array>
#include <utility>

namespace gb::go {

std::string_view tok_spelling(Tok t) {
  switch (t) {
    case Tok::Illegal:
      return "ILLEGAL";
    case Tok::Eof:
      return "EOF";
    case Tok::Semicolon:
      return ";";
    case Tok::Ident:
      return "name";
    case Tok::Int:
    case Tok::Float:
    case Tok::Imag:
    case Tok::Char:
    case Tok::String:
      return "literal";
    case Tok::Add:
      return "+";
    case Tok::Sub:
      return "-";
    case Tok::Mul:
      return "*";
    case Tok::Quo:
      return "/";
    case Tok::Rem:
      return "%";
    case Tok::And:
      return "&";
    case Tok::Or:
      return "|";
    case Tok::Xor:
      return "^";
    case Tok::Shl:
      return "<<";
    case Tok::Shr:
      return ">>";
    case Tok::AndNot:
      return "&^";
    case Tok::AddAssign:
      return "+=";
    case Tok::SubAssign:
      return "-=";
    case Tok::MulAssign:
      return "*=";
    case Tok::QuoAssign:
      return "/=";
    case Tok::RemAssign:
      return "%=";
    case Tok::AndAssign:
      return "&=";
    case Tok::OrAssign:
      return "|=";
    case Tok::XorAssign:
      return "^=";
    case Tok::ShlAssign:
      return "<<=";
    case Tok::ShrAssign:
      return ">>=";
    case Tok::AndNotAssign:
      return "&^=";
    case Tok::LAnd:
      return "&&";
    case Tok::LOr:
      return "||";
    case Tok::Arrow:
      return "<-";
    case Tok::Inc:
      return "++";
    case Tok::Dec:
      return "--";
    case Tok::Eql:
      return "==";
    case Tok::Lss:
      return "<";
    case Tok::Gtr:
      return ">";
    case Tok::Assign:
      return "=";
    case Tok::Not:
      return "!";
    case Tok::Neq:
      return "!=";
    case Tok::Leq:
      return "<=";
    case Tok::Geq:
      return ">=";
    case Tok::Define:
      return ":=";
    case Tok::Ellipsis:
      return "...";
    case Tok::Tilde:
      return "~";
    case Tok::LParen:
      return "(";
    case Tok::LBrack:
      return "[";
    case Tok::LBrace:
      return "{";
    case Tok::Comma:
      return ",";
    case Tok::Period:
      return ".";
    case Tok::RParen:
      return ")";
    case Tok::RBrack:
      return "]";
    case Tok::RBrace:
      return "}";
    case Tok::Colon:
      return ":";
    case Tok::Break:
      return "break";
    case Tok::Case:
      return "case";
    case Tok::Chan:
      return "chan";
    case Tok::Const:
      return "const";
    case Tok::Continue:
      return "continue";
    case Tok::Default:
      return "default";
    case Tok::Defer:
      return "defer";
    case Tok::Else:
      return "else";
    case Tok::Fallthrough:
      return "fallthrough";
    case Tok::For:
      return "for";
    case Tok::Func:
      return "func";
    case Tok::Go:
      return "go";
    case Tok::Goto:
      return "goto";
    case Tok::If:
      return "if";
    case Tok::Import:
      return "import";
    case Tok::Interface:
      return "interface";
    case Tok::Map:
      return "map";
    case Tok::Package:
      return "package";
    case Tok::Range:
      return "range";
    case Tok::Return:
      return "return";
    case Tok::Select:
      return "select";
    case Tok::Struct:
      return "struct";
    case Tok::Switch:
      return "switch";
    case Tok::Type:
      return "type";
    case Tok::Var:
      return "var";
    case Tok::Count_:
      break;
  }
  return "?";
}

int binary_precedence(Tok t) {
  switch (t) {
    case Tok::Mul:
    case Tok::Quo:
    case Tok::Rem:
    case Tok::Shl:
    case Tok::Shr:
    case Tok::And:
    case Tok::AndNot:
      return 5;
    case Tok::Add:
    case Tok::Sub:
    case Tok::Or:
    case Tok::Xor:
      return 4;
    case Tok::Eql:
    case Tok::Neq:
    case Tok::Lss:
    case Tok::Leq:
    case Tok::Gtr:
    case Tok::Geq:
      return 3;
    case Tok::LAnd:
      return 2;
    case Tok::LOr:
      return 1;
    default:
      return 0;
  }
}

bool is_keyword(Tok t) {
  return t >= Tok::Break && t <= Tok::Var;
}
bool is_literal(Tok t) {
  return t >= Tok::Int && t <= Tok::String;
}

Tok assign_op_base(Tok t) {
  switch (t) {
    case Tok::AddAssign:
      return Tok::Add;
    case Tok::SubAssign:
      return Tok::Sub;
    case Tok::MulAssign:
      return Tok::Mul;
    case Tok::QuoAssign:
      return Tok::Quo;
    case Tok::RemAssign:
      return Tok::Rem;
    case Tok::AndAssign:
      return Tok::And;
    case Tok::OrAssign:
      return Tok::Or;
    case Tok::XorAssign:
      return Tok::Xor;
    case Tok::ShlAssign:
      return Tok::Shl;
    case Tok::ShrAssign:
      return Tok::Shr;
    case Tok::AndNotAssign:
      return Tok::AndNot;
    default:
      return Tok::Illegal;
  }
}

Tok lookup_keyword(std::string_view word) {
  // 25 keywords: a linear scan over the keyword range is fast enough and needs no table to keep in sync.
  if (word.size() < 2 || word.size() > 11 || word[0] < 'b' || word[0] > 'v') return Tok::Ident;
  for (int k = static_cast<int>(Tok::Break); k <= static_cast<int>(Tok::Var); ++k) {
    if (tok_spelling(static_cast<Tok>(k)) == word) return static_cast<Tok>(k);
  }
  return Tok::Ident;
}

}  // namespace gb::go
