// Names, operand forms and documentation of the opcodes, all from the one table in bytecode.h.
#include "scheduler/vm/bytecode.h"

namespace gb::vm {

namespace {

struct OpRow {
  const char* name;
  OpForm form;
  const char* doc;
};

constexpr OpRow kOps[] = {
#define GB_OP_ROW(name, form, doc) {#name, OpForm::form, doc},
    GB_OPCODES(GB_OP_ROW)
#undef GB_OP_ROW
};
static_assert(sizeof(kOps) / sizeof(kOps[0]) == kOpCount);

const OpRow* row(Op op) {
  const auto i = static_cast<std::size_t>(op);
  return i < kOpCount ? &kOps[i] : nullptr;
}

}  // namespace

const char* op_name(Op op) {
  const OpRow* r = row(op);
  return r ? r->name : "?";
}

OpForm op_form(Op op) {
  const OpRow* r = row(op);
  return r ? r->form : OpForm::Slots;
}

const char* op_doc(Op op) {
  const OpRow* r = row(op);
  return r ? r->doc : "";
}

}  // namespace gb::vm
