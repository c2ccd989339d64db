#include "scheduler/vm/bytecode.h"

namespace gb::vm {

const char* op_name(Op op) {
  switch (op) {
#define GB_OP(name) case Op::name: return #name;
    GB_OP(Nop) GB_OP(Move) GB_OP(LoadImm) GB_OP(LoadConst) GB_OP(LoadString) GB_OP(Zero) GB_OP(LoadFunc)
    GB_OP(Add) GB_OP(Sub) GB_OP(Mul) GB_OP(Div) GB_OP(Rem) GB_OP(DivU) GB_OP(RemU) GB_OP(And) GB_OP(Or) GB_OP(Xor)
    GB_OP(AndNot) GB_OP(Shl) GB_OP(Shr) GB_OP(ShrU) GB_OP(AddImm) GB_OP(Neg) GB_OP(Com) GB_OP(Wrap)
    GB_OP(AddF) GB_OP(SubF) GB_OP(MulF) GB_OP(DivF) GB_OP(NegF) GB_OP(RoundF32) GB_OP(IntToFloat)
    GB_OP(UintToFloat) GB_OP(FloatToInt) GB_OP(FloatToUint)
    GB_OP(Eq) GB_OP(Ne) GB_OP(Lt) GB_OP(Le) GB_OP(LtU) GB_OP(LeU) GB_OP(EqF) GB_OP(NeF) GB_OP(LtF) GB_OP(LeF)
    GB_OP(EqStr) GB_OP(NeStr) GB_OP(LtStr) GB_OP(LeStr) GB_OP(EqMem) GB_OP(EqIface) GB_OP(Not)
    GB_OP(Jump) GB_OP(JumpIf) GB_OP(JumpIfNot) GB_OP(JumpLt) GB_OP(JumpLe) GB_OP(JumpEq) GB_OP(JumpNe)
    GB_OP(Call) GB_OP(CallClosure) GB_OP(CallIface) GB_OP(Return) GB_OP(Go) GB_OP(Defer) GB_OP(Panic) GB_OP(Recover)
    GB_OP(New) GB_OP(Load) GB_OP(Store) GB_OP(FieldAddr) GB_OP(IndexAddr) GB_OP(ArrayIndexAddr) GB_OP(CheckIndex)
    GB_OP(MakeSlice) GB_OP(SliceSlice) GB_OP(SliceArray) GB_OP(Append) GB_OP(AppendOne) GB_OP(Copy)
    GB_OP(CopyString) GB_OP(StrIndex) GB_OP(StrSlice) GB_OP(Concat) GB_OP(StrLen) GB_OP(StrNextRune)
    GB_OP(StrFromBytes) GB_OP(StrToBytes) GB_OP(StrFromRunes) GB_OP(StrToRunes) GB_OP(StrFromRune)
    GB_OP(MakeMap) GB_OP(MapGet) GB_OP(MapSet) GB_OP(MapDelete) GB_OP(MapLen) GB_OP(MapIter) GB_OP(MapNext)
    GB_OP(MakeIface) GB_OP(IfaceToIface) GB_OP(AssertType) GB_OP(AssertTypeOk) GB_OP(AssertIface)
    GB_OP(AssertIfaceOk) GB_OP(IfaceTypeId) GB_OP(MakeChan) GB_OP(Send) GB_OP(Recv) GB_OP(Close) GB_OP(ChanLen)
    GB_OP(ChanCap) GB_OP(Select) GB_OP(CallNative) GB_OP(Yield) GB_OP(Halt)
#undef GB_OP
  }
  return "?";
}

}  // namespace gb::vm
