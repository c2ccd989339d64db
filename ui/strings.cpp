// The string table. Its order is Str's; the static_asserts below refuse a build where a key is missing, out
// of order, lacks either language, or where the two languages disagree on a title's ###id or on placeholders.
#include "strings.h"

#include <array>

#include "app_options.h"

namespace gb::ui {

namespace {

struct Entry {
  Str key;
  const char* en;
  const char* zh;
};

// English texts are the studio's words as they were before the table (tests and screenshots compare some).
constexpr Entry kTable[] = {
    {Str::MenuFile, "File", "文件"},
    {Str::MenuOpen, "Open...", "打开..."},
    {Str::MenuExamples, "Examples", "示例"},
    {Str::MenuEditProgram, "Edit the program", "编辑程序"},
    {Str::MenuQuit, "Quit", "退出"},
    {Str::MenuRun, "Run", "运行"},
    {Str::MenuPlay, "Play", "播放"},
    {Str::MenuPause, "Pause", "暂停"},
    {Str::MenuRunToBreakpoint, "Run to breakpoint", "运行到断点"},
    {Str::MenuRunToEnd, "Run to end", "运行到结束"},
    {Str::MenuJustMyCode, "Just my code", "仅我的代码"},
    {Str::MenuJustMyCodeTip,
     "statement steps stop only in package main (fmt, sync and the runtime run through)",
     "按语句单步时只停在 package main 中（fmt、sync 和运行时直接执行过去）"},
    {Str::MenuRestart, "Restart", "重新开始"},
    {Str::MenuView, "View", "视图"},
    {Str::MenuHexWords, "Hex words", "十六进制显示字"},
    {Str::MenuHexWordsTip, "memory words in hex, else in decimal (cache cells and tooltips alike)",
     "内存字以十六进制显示，否则以十进制显示（缓存单元格和提示框都一样）"},
    {Str::MenuResetLayout, "Reset layout", "重置布局"},
    {Str::MenuPresentation, "Presentation mode", "演示模式"},
    {Str::MenuUiScale, "UI scale", "界面缩放"},
    {Str::MenuLanguage, "Language", "语言"},
    // Each language's own name, in both.
    {Str::LanguageEnglish, "English", "English"},
    {Str::LanguageChinese, "中文", "中文"},
    {Str::MenuHelp, "Help", "帮助"},

    {Str::PanelSource, "Source", "源代码"},
    {Str::PanelScheduler, "Scheduler board", "调度器看板"},
    {Str::PanelCores, "Cores and caches", "核心与缓存"},
    {Str::PanelBus, "Bus", "总线"},
    {Str::PanelOutput, "Output", "输出"},
    {Str::PanelTimeline, "Timeline", "时间线"},
    {Str::PanelEvents, "Event log", "事件日志"},
    {Str::PanelSync, "Channels and locks", "通道与锁"},
    {Str::PanelStats, "Stats", "统计"},
    {Str::PanelVariables, "Variables", "变量"},

    {Str::TitleControls, "Gopherbus studio###controls", "Gopherbus 工作台###controls"},
    {Str::TitlePresentationOneCore, "Gopherbus: {} core, GOMAXPROCS {}, {}, seed {}###controls",
     "Gopherbus：{} 个核心，GOMAXPROCS {}，{}，种子 {}###controls"},
    {Str::TitlePresentation, "Gopherbus: {} cores, GOMAXPROCS {}, {}, seed {}###controls",
     "Gopherbus：{} 个核心，GOMAXPROCS {}，{}，种子 {}###controls"},
    {Str::TitleSource, "Source: {}###source", "源代码：{}###source"},
    {Str::TitleEditing, "Editing: {}###source", "编辑中：{}###source"},
    {Str::TitleScheduler, "Scheduler: Ps, run queues, goroutines###scheduler",
     "调度器：P、运行队列、goroutine###scheduler"},
    {Str::TitleCores, "Cores and their L1 caches###cores", "核心及其 L1 缓存###cores"},
    {Str::TitleCoresGeometry, "Cores and their L1 caches ({}, {} KiB, {}-way, {}-byte lines)###cores",
     "核心及其 L1 缓存（{}，{} KiB，{} 路组相联，{} 字节缓存行）###cores"},
    {Str::TitleBus, "Snooping bus###bus", "监听总线###bus"},
    {Str::TitleBusCount, "Snooping bus ({} transactions)###bus", "监听总线（{} 次事务）###bus"},
    {Str::TitleOutput, "Output###output", "输出###output"},
    {Str::TitleTimeline, "Timeline: which G ran where, bus, wake-ups###timeline",
     "时间线：哪个 G 在哪里运行、总线、唤醒###timeline"},
    {Str::TitleEvents, "Event log###studio-events", "事件日志###studio-events"},
    {Str::TitleSync, "Channels and locks###sync", "通道与锁###sync"},
    {Str::TitleStats, "Stats###stats", "统计###stats"},
    {Str::TitleVariables, "Variables###variables", "变量###variables"},
    {Str::TitleOpenDialog, "Open a Go program###open", "打开 Go 程序###open"},

    {Str::StepInstruction, "Instruction", "指令"},
    {Str::StepInto, "Step into", "单步进入"},
    {Str::StepOver, "Step over", "单步跳过"},
    {Str::StepOut, "Step out", "单步跳出"},
    {Str::StepMemoryAccess, "Memory access", "内存访问"},
    {Str::StepBusTransaction, "Bus transaction", "总线事务"},
    {Str::StepBusOp, "Bus op", "总线操作"},
    {Str::StepMachineCycle, "Machine cycle", "机器周期"},
    {Str::StepSchedulerEvent, "Scheduler event", "调度事件"},
    {Str::TipInstruction, "one bytecode instruction of one goroutine", "一个 goroutine 的一条字节码指令"},
    {Str::TipInto,
     "to the next statement the goroutine that ran last begins, into the program's own calls (fmt and the "
     "runtime run through unless Run > Just my code is off)",
     "到上次运行的 goroutine 开始的下一条语句，会进入程序自己的调用（除非关闭了 运行 > 仅我的代码，否则 fmt "
     "和运行时会直接执行过去）"},
    {Str::TipOver, "to its next statement at this call depth or shallower: calls run to their end",
     "到它在当前或更浅调用深度的下一条语句：调用会一直运行到结束"},
    {Str::TipOut, "until its function returns: the caller's next statement",
     "直到它的函数返回：调用者的下一条语句"},
    {Str::TipMemoryAccess, "until a goroutine loads or stores simulated memory",
     "直到某个 goroutine 读或写模拟内存"},
    {Str::TipBusTransaction, "until the bus carries one more transaction", "直到总线再传送一个事务"},
    {Str::TipBusOp, "until the bus carries a transaction of the chosen kind",
     "直到总线传送一个所选类型的事务"},
    {Str::TipMachineCycle, "until the machine's clock (the earliest core's) moves on",
     "直到机器的时钟（最早的那个核心的时钟）前进"},
    {Str::TipSchedulerEvent, "until a goroutine stops running on a core or one is woken: one event a step",
     "直到某个 goroutine 停止在核心上运行或被唤醒：每步一个事件"},

    {Str::ControlsTotals, "{} instructions, {:.3f} us simulated, {} bus transactions",
     "{} 条指令，模拟时间 {:.3f} us，{} 次总线事务"},
    // {0}: the step kind's name in the CLI's words, {1}: its label in the current language.
    {Str::ControlsLastStep, "last step ({0}): {2} instr, {3} bus tx",
     "上一步（{1}）：{2} 条指令，{3} 次总线事务"},
    {Str::ControlsNoStep, "no step yet", "还没有单步"},
    {Str::ControlsInvariantViolated, "Invariant violated: {}", "违反不变式：{}"},
    {Str::ControlsBackBy, "back by one {}", "后退一步：{}"},
    {Str::ControlsStepByTip, "{}; Left and Right step by it", "{}；Left 和 Right 按它单步"},
    {Str::ControlsForwardTip, "forward: {} ({})", "前进：{}（{}）"},
    {Str::ControlsToBreakpoint, "To breakpoint (C)", "到断点 (C)"},
    {Str::ControlsToBreakpointTipNone, "click a line's gutter in the source panel to set one",
     "在源代码面板中单击某行的行号栏即可设置断点"},
    {Str::ControlsToBreakpointTip, "run until a goroutine reaches a breakpoint (C or F5)",
     "运行到某个 goroutine 到达断点 (C 或 F5)"},
    {Str::ControlsToEnd, "To end (End)", "到结束 (End)"},
    {Str::ControlsToEndTip, "run the program to its end (a breakpoint on the way stops it, and says so)",
     "把程序运行到结束（途中遇到断点会停下并提示）"},
    {Str::ControlsConditionHint, "condition: mutex mu starving, bus BusRdX on balance",
     "条件：mutex mu starving, bus BusRdX on balance"},
    {Str::ControlsBackUntil, "< Back until", "< 后退直到"},
    {Str::ControlsBackUntilTip, "back to the last moment the condition fired", "后退到条件上一次成立的时刻"},
    {Str::ControlsRunUntil, "Run until >", "运行直到 >"},
    {Str::ControlsRunUntilTip, "forward until the condition fires (Enter in the field)",
     "向前运行直到条件成立（在输入框中按 Enter）"},
    {Str::ControlsBreakWhen, "Break when", "条件断点"},
    {Str::ControlsBreakWhenTip,
     "a breakpoint wherever the condition fires: every step stops there, C runs to it",
     "条件成立处即为断点：每种单步都在那里停下，C 运行到那里"},
    {Str::ControlsRemoveBreakpoint, "remove this breakpoint", "删除此断点"},
    {Str::ControlsLineWhen, "line {} when {}", "第 {} 行，当 {}"},
    {Str::ControlsAlwaysWhen, "break when {}", "当 {} 时中断"},
    {Str::ControlsPlay, "Play (Space)", "播放 (Space)"},
    {Str::ControlsPause, "Pause (Space)", "暂停 (Space)"},
    {Str::ControlsRestart, "Restart (R)", "重新开始 (R)"},
    {Str::ControlsMachineTime, "machine time", "按机器时间"},
    // {0}: the step kind's name in the CLI's words ("statement"), {1}: its label in the current language.
    {Str::ControlsPlayBySteps, "{0}s", "按{1}"},
    {Str::ControlsTimeRateTip, "simulated time (1 us = 1000 cycles) per second of wall time",
     "每秒真实时间对应的模拟时间（1 us = 1000 个周期）"},
    {Str::ControlsStepsPerSecond, "%.0f steps/s", "%.0f 步/秒"},
    {Str::ControlsProgramKnobs, "Program knobs (each restarts the run)",
     "程序参数（改动任一项都会重新运行）"},
    {Str::ControlsCores, "Cores", "核心数"},
    {Str::ControlsProtocol, "Protocol", "协议"},
    {Str::ControlsSeed, "Seed", "种子"},
    {Str::ControlsJitter, "Jitter", "抖动"},
    {Str::ControlsJitterTip,
     "timing noise as a multiple of real hardware's (thread wake-ups, DRAM and bus latency, the OS\n"
     "tick, sysmon): each seed then runs differently; 0 is fully regular timing",
     "时序噪声，以真实硬件噪声的倍数表示（线程唤醒、DRAM 与总线延迟、操作系统\n"
     "时钟滴答、sysmon）：不同种子的运行因此不同；0 表示完全规则的时序"},
    {Str::ControlsTimeScale, "Time scale", "时间缩放"},
    {Str::ControlsStoreBuffer, "Store buffer", "存储缓冲"},
    {Str::ControlsStoreBufferTip, "x86-TSO store buffer entries per core; 0 is off",
     "每个核心的 x86-TSO 存储缓冲条目数；0 表示关闭"},
    {Str::ControlsBug, "Bug", "植入缺陷"},
    {Str::ControlsNoBug, "none", "无"},
    {Str::ControlsPayments, "Payments", "支付请求"},
    {Str::ControlsPaymentsTip, "requests the payment clients send (the payment workload)",
     "支付客户端发送的请求数（支付工作负载）"},
    {Str::ControlsCheck, "Check invariants after every access", "每次访问后检查不变式"},
    {Str::ControlsCheckTip, "a planted bug always turns checking on", "植入缺陷时总会开启检查"},
    {Str::ControlsRace, "Race detector (-race)", "数据竞争检测 (-race)"},
    {Str::ControlsRaceTip,
     "Happens-before with vector clocks, as go build -race: a race stops play and lights both accesses",
     "以向量时钟判断 happens-before，同 go build -race：发现竞争即暂停，并标出两处访问"},
    {Str::ControlsKnobRestarts, "a changed knob restarts the program", "改动任一参数都会重新开始程序"},
    {Str::ControlsDoesNotCompile, "The program does not compile: the source panel shows where.",
     "程序无法编译：源代码面板显示了出错位置。"},
    {Str::ControlsKnobs, "Knobs", "参数"},
    // Presentation mode's buttons for step over (F10) and step out (Shift+F11).
    {Str::CompactOver, "Over", "跳过"},
    {Str::CompactOut, "Out", "跳出"},
    {Str::KeysHelp, kStudioKeysHelp,
     "按键：I 指令，S 或 F11 单步进入，F10 单步跳过，Shift+F11 单步跳出，A 内存访问，B 总线事务，"
     "O 总线操作（所选类型），Y 机器周期，E 调度事件，Right 按上一种类型再走一步；Shift+I/S/A/B/O/Y/E "
     "按该类型后退，Shift+F10 后退跳过，Left 或 Backspace 按上一种类型后退；J 开关仅我的代码；"
     "C 或 F5 运行到断点（Shift+C 回到上一个），End 运行到结束（途中断点会停下）；右键单击某行的行号栏"
     "可设置带条件的断点；Space 或 P 播放/暂停，Up/Down 加快/减慢，R 重新开始。"
     "参数（每次改动都会重新运行）：[ ] 核心数，Shift+[ ] GOMAXPROCS，1-4 MSI/MESI/MOESI/Dragon，"
     "T 开关存储缓冲，X 下一个植入缺陷，K 不变式检查，N 下一个种子，Z 教学时间缩放，"
     "- 和 = 支付请求减半或加倍。V 以缓存行、网格或内存显示缓存；H 内存字以十六进制或十进制显示；"
     "Ctrl+1-6 时间线、事件日志、通道与锁、统计、变量、运行记录。Ctrl+O 打开，Ctrl+E 编辑，Ctrl+0 重置布局，"
     "F12 演示模式，Ctrl+Q 退出。"},

    {Str::OpenShowAll, "Show every file, not only .go", "显示所有文件，而不只是 .go"},
    {Str::OpenFileBytes, "{}  ({} bytes)", "{}  （{} 字节）"},
    {Str::OpenFileLabel, "File", "文件"},
    {Str::OpenHint, "a program that does not compile opens with its errors; the current run stays",
     "无法编译的程序会连同错误一起打开；当前的运行保持不变"},
    {Str::OpenOpen, "Open", "打开"},
    {Str::OpenCancel, "Cancel", "取消"},

    {Str::SourceRun, "Run (Ctrl+Enter)", "运行 (Ctrl+Enter)"},
    {Str::SourceCancel, "Cancel", "取消"},
    {Str::SourceRevert, "Revert", "还原"},
    {Str::SourceBreakOnLine, "Break on line {} when", "第 {} 行的断点，条件："},
    {Str::SourceAdd, "Add", "添加"},
    {Str::SchedulerMs, "Ms ({} + sysmon)", "M（{} 个 + sysmon）"},
    {Str::SchedulerGlobalQueue, "Global run queue ({})", "全局运行队列（{}）"},
    {Str::CoresCore, "Core {}", "核心 {}"},
    {Str::CoresGoVariable, "Go variable", "Go 变量"},
    {Str::CoresShow, "Show:", "显示："},
    {Str::CoresThisStepBus, "This step's last bus transaction:", "本步最后一次总线事务："},
    {Str::CoresLastBus, "Last bus transaction:", "上一次总线事务："},
    {Str::CoresNoBus, "No bus transaction yet.", "还没有总线事务。"},
    {Str::CoresNoProgram, "no program is running", "没有程序在运行"},
    {Str::CoresNoG, "no G (looking for work)", "没有 G（正在找活干）"},
    {Str::CoresIdle, "idle", "空闲"},
    {Str::CoresViewLines, "valid lines", "有效行"},
    {Str::CoresViewGrid, "sets \xc3\x97 ways", "组 \xc3\x97 路"},
    {Str::CoresViewMemory, "memory", "内存"},
    {Str::BusNone, "No bus transaction yet: step until a core misses in its cache.",
     "还没有总线事务：单步执行，直到某个核心的缓存未命中。"},
    {Str::BusThisStep, "This step: ", "本步："},
    {Str::BusLatest, "Latest (an earlier step): ", "最近一次（更早的一步）："},
    {Str::BusCausedBy, "caused by {}", "起因：{}"},
    // The bus panel's tabs keep their ids across languages (the chosen one stays chosen).
    {Str::BusRecent, "Recent transactions###recent", "最近的事务###recent"},
    {Str::BusProtocolTable, "{} table###table", "{} 状态转换表###table"},
    {Str::Empty, "empty", "空"},
    {Str::CoresCounters, "{} ns, {} instr, {} hits, {} misses, {} invalidated",
     "{} ns，{} 条指令，{} 次命中，{} 次未命中，{} 次失效"},
    {Str::CoresAllInvalid, "every line invalid", "所有行都无效"},
    {Str::OutputNothing, "(nothing printed yet)", "（还没有输出）"},
    {Str::SchedulerShowAll, "show finished and runtime goroutines", "显示已结束的和运行时的 goroutine"},
    {Str::SchedulerStatus, "status", "状态"},
    {Str::SchedulerWaitReason, "wait reason", "等待原因"},
    {Str::SchedulerFunctionLine, "function:line", "函数:行"},
    {Str::SchedulerGoroutines, "goroutines: {} running, {} runnable, {} waiting{}",
     "goroutine：{} 个运行中，{} 个可运行，{} 个等待中{}"},
    {Str::SchedulerOther, ", {} other", "，{} 个其他"},
    {Str::StatsSummary, "{} hits, {} misses, {} bus transactions", "{} 次命中，{} 次未命中，{} 次总线事务"},
    {Str::StatsLostUpdates, "| {} lost updates", "| {} 次丢失更新"},
    {Str::TimelineFit, "Fit", "适应"},
    {Str::TimelineFitTip,
     "the whole run stays in view as it grows, and after a restart (zooming or panning ends it)",
     "整个运行过程始终可见，随运行增长，重新开始后也一样（缩放或平移会结束它）"},
    {Str::TimelineFollow, "Follow", "跟随"},
    {Str::TimelineLockAxis, "Lock axis", "锁定坐标轴"},
    {Str::TimelineLockAxisTip,
     "keep this zoom and pan across restarts, to compare runs (another knob, another seed) on one time axis",
     "重新开始时保持当前的缩放和平移，以便在同一时间轴上比较多次运行（换一个参数、换一个种子）"},
    {Str::TimelineHint, "wheel: zoom, drag: pan   {} per 100 px", "滚轮：缩放，拖动：平移   每 100 px {}"},
    {Str::TimelineGcMark, "GC mark", "GC 标记"},
    {Str::TimelineGcMarkTip,
     "The garbage collector's cycles: the green band is the mark phase, while the world runs beside the mark "
     "workers; red marks its two stop-the-world pauses (sweep termination, mark termination), when no "
     "goroutine runs on any core (a line when the pause is narrower than a pixel).",
     "垃圾回收的周期：绿色带是标记阶段，程序和标记 worker 一起运行；红色是它的两次 stop-the-world 暂停"
     "（清扫终止、标记终止），这时任何核上都没有 goroutine 运行（暂停窄于一个像素时画成一条线）。"},
    {Str::MenuLessons, "Lessons...", "课程..."},
    {Str::MenuLeaveLesson, "Leave the lesson", "离开本课"},
    {Str::MenuPresenterNotes, "Presenter notes", "讲稿"},
    {Str::LessonIntroduction, "introduction", "引言"},
    {Str::LessonCheckpoint, "checkpoint", "检查点"},
    {Str::LessonPrevious, "< Previous", "< 上一个"},
    {Str::LessonNext, "Next >", "下一个 >"},
    {Str::LessonReset, "Reset", "重来"},
    {Str::LessonMap, "Map", "路线图"},
    {Str::LessonNotes, "Notes", "讲稿"},
    {Str::LessonProblemSInThis, "problem(s) in this lesson", "个问题"},
    {Str::LessonYouAreTheScheduler, "You are the scheduler. Goal:", "你来当调度器。目标："},
    {Str::LessonReachedTheMachineDid, "Reached! The machine did what you chose.", "达成！机器按你的选择运行到了目标。"},
    {Str::LessonNoGoroutineIsOn, "(no goroutine is on a core right now: take an ordinary step)", "（此刻没有 goroutine 在核心上：先普通单步一次）"},
    {Str::LessonOnCore, "on core", "在核心"},
    {Str::LessonLine, "line", "行"},
    {Str::LessonPredict, "Predict:", "预测："},
    {Str::LessonRevealTheMachineS, "Reveal the machine's answer", "揭晓机器的答案"},
    {Str::LessonTheMachine, "The machine:", "机器的答案："},
    {Str::LessonYouPredictedIt, "You predicted it.", "你预测对了。"},
    {Str::LessonNotQuiteTheAnswer, "Not quite: the answer is", "不对：答案是"},
    {Str::LessonLesson, "Lesson", "课程"},
    {Str::LessonNotTranslatedYet, "not translated yet", "尚未翻译"},
    {Str::LessonSuggestedStepFromHere, "Suggested step from here:", "建议的步进方式："},
    {Str::LessonPresenterNotes, "Presenter notes", "讲稿"},
    {Str::LessonInterviewQuestions, "Interview questions", "面试题"},
    {Str::LessonBeginner, "beginner", "入门"},
    {Str::LessonIntermediate, "intermediate", "中级"},
    {Str::LessonAdvanced, "advanced", "高级"},
    {Str::LessonClickToOpen, "click to open", "点击打开"},
    {Str::LessonLessonsThePath, "Lessons: the path", "课程路线图"},
    {Str::LessonBackToTheStudio, "Back to the studio (Esc)", "回到工作台 (Esc)"},
    {Str::LessonOffTrack, "You changed the machine or the program: the lesson's checkpoints are about its own "
                                    "run. Reset (Home) goes back to it.",
     "你改变了机器或程序：检查点只对应本课自己的运行。按“重来”(Home) 回到本课。"},
    {Str::LessonSchedulerHowTo, "Choose which goroutine runs the next step (the other cores wait). Left takes a "
                                  "step back; Reset starts over.",
     "选择下一步由哪个 goroutine 执行（其他核心等待）。← 后退一步；“重来”从头开始。"},
    {Str::LessonMapIntro, "From goroutines down to the cache lines and the bus: each lesson is a short Go "
                                 "program on a machine you can step forward and back. Pick one.",
     "从协程一直到缓存行和总线：每一课都是一个小 Go 程序，运行在可以前进和后退的机器上。选一课开始。"},

    {Str::MenuCompare, "Compare...", "对比..."},
    {Str::MenuCompareTip, "this program on two configurations side by side, stepped to the same point",
     "同一个程序在两种配置下并排运行，并运行到同一位置"},
    {Str::PanelRuns, "Runs", "运行记录"},
    {Str::TitleCompare, "Compare###compare", "对比###compare"},
    {Str::TitleRuns, "Runs: one row per run, kept across restarts###runs", "运行记录：每次运行一行，重新开始后保留###runs"},
    {Str::ComparePair, "Pair", "对比项"},
    {Str::CompareStepTo, "Both to", "两边都运行到"},
    {Str::CompareStepToTip, "a condition, as --until takes it: exit, line 17, publish, bus BusRdX on balance",
     "一个条件，写法同 --until：exit、line 17、publish、bus BusRdX on balance"},
    {Str::CompareGo, "Go", "运行"},
    {Str::CompareToEnd, "Both to the end", "两边都运行到结束"},
    {Str::CompareStep, "Step both", "两边各单步"},
    {Str::CompareStatements, "statements", "条语句"},
    {Str::CompareRestart, "Restart both", "两边都重新开始"},
    {Str::CompareReload, "Take the studio's program", "改用工作台中的程序"},
    {Str::CompareStale, "the studio's program or knobs changed since", "此后工作台中的程序或配置已改变"},
    {Str::CompareMetric, "metric", "指标"},
    {Str::CompareRatio, "B / A", "比值 B / A"},
    {Str::CompareRatioTip, "the right side's count over the left's; the worse side's count is coloured",
     "右侧数值除以左侧数值；较差一侧的数值以颜色标出"},
    {Str::CompareSamePoint, "both at the same point", "两边停在同一位置"},
    {Str::CompareNotSame, "not at the same point: A {}, B {}", "不在同一位置：A {}，B {}"},
    {Str::ArrivalStart, "at the start", "在开始处"},
    {Str::ArrivalFired, "the condition fired", "条件已触发"},
    {Str::ArrivalEnded, "ended", "已结束"},
    {Str::ArrivalNotYet, "did not get there", "未到达"},
    {Str::ArrivalStepped, "stepped", "已单步"},
    {Str::MetricBusTotal, "bus transactions", "总线事务"},
    {Str::MetricMisses, "misses", "未命中"},
    {Str::MetricInvalidations, "invalidated", "被失效"},
    {Str::MetricTime, "simulated time", "模拟时间"},
    {Str::MetricInstructions, "instructions", "指令数"},
    {Str::MetricSemaWait, "semaphore wait", "信号量等待"},
    {Str::MetricLostUpdates, "lost updates", "丢失更新"},
    {Str::MetricEnding, "ending", "结束状态"},
    {Str::MetricConfig, "configuration", "配置"},
    {Str::RunsNone, "No runs kept yet: a run is kept here when it is restarted, a knob changes or another program "
                    "opens. The row marked now is the run going on.",
     "尚无保留的运行：重新开始、改变参数或打开另一个程序时，当前运行会保留在这里。标为“当前”的一行是正在进行的运行。"},
    {Str::RunsClear, "Clear", "清除"},
    {Str::RunsNow, "now", "当前"},
    {Str::RunsChanged, "changed", "改动"},
    {Str::RunsRestart, "restart", "重新开始"},
    {Str::RunsHint, "coloured: more (red) or fewer (green) than the row above",
     "颜色：比上一行多（红）或少（绿）"},
    {Str::MenuExplore, "Explore schedules...", "探索调度..."},
    {Str::MenuExploreTip, "run the program under every schedule that matters until one goes wrong, then replay it here",
     "在所有关键调度下运行程序，直到某个调度出错，然后在此重放它"},
    {Str::TitleExplore, "Explore schedules###explore", "探索调度###explore"},
    {Str::ExploreIntro,
     "Runs this program on the studio's machine ({} cores, GOMAXPROCS {}) under every interleaving that matters, "
     "with partial-order reduction, until one panics, deadlocks, exits non-zero or races. What it finds opens "
     "here, at the moment it goes wrong.",
     "在工作台的机器上（{} 个核心，GOMAXPROCS {}）以所有关键交错方式运行此程序（使用偏序约简），直到某次运行 panic、"
     "死锁、以非零状态退出或出现数据竞争。找到的调度会在此打开，停在出错的那一刻。"},
    {Str::ExploreBound, "Preemption bound", "抢占上限"},
    {Str::ExploreBoundTip, "most switches away from a core that could go on; bounds 0, 1 ... are explored in turn",
     "一次调度中最多有几次从仍可运行的核心切走；依次探索上限 0、1 ..."},
    {Str::ExploreMax, "Most schedules", "最多调度数"},
    {Str::ExploreRace, "Stop at a data race", "遇到数据竞争即停止"},
    {Str::ExploreStart, "Explore", "开始探索"},
    {Str::ExploreCancel, "Cancel", "取消"},
    {Str::ExploreProgress, "bound {}: {} schedules, {} pruned, {:.0f}/s", "上限 {}：{} 个调度，剪枝 {} 个，每秒 {:.0f} 个"},
    {Str::ExploreFound, "Found after {} schedules: {}\nThe studio now replays that schedule, at the moment it went wrong.",
     "探索了 {} 个调度后找到：{}\n工作台正在重放该调度，停在出错的那一刻。"},
    {Str::ExploreNone, "No schedule goes wrong: {} schedules explored to the end within bound {}.",
     "没有出错的调度：在上限 {1} 内完整探索了 {0} 个调度。"},
    {Str::ExploreStopped, "Nothing went wrong in {} schedules, but the search stopped at the most schedules asked for.",
     "{} 个调度均未出错，但搜索已达到设定的最多调度数。"},
    {Str::ExploreCancelled, "Cancelled after {} schedules.", "已在 {} 个调度后取消。"},
    {Str::LessonExplorerAnswer, "Show the explorer's answer", "查看探索器的答案"},
    {Str::LessonExplorerAnswerTip,
     "the schedule explorer searches, from the program's start, for a schedule that reaches this goal",
     "调度探索器从程序开头搜索能达成此目标的调度"},
    {Str::LessonExplorerSearching, "searching: {} schedules", "搜索中：{} 个调度"},
    {Str::LessonExplorerFound, "The explorer reached the goal after {} schedules, with {} preemption(s).",
     "探索器在 {} 个调度后达成目标，其中抢占 {} 次。"},
    {Str::LessonExplorerNone, "The explorer found no schedule that reaches the goal in {} schedules.",
     "探索器在 {} 个调度中没有找到能达成目标的调度。"},
    {Str::LessonExplorerOpen, "Replay it in the studio", "在工作台中重放"},
};

constexpr std::string_view after_id_marker(std::string_view s) {
  const std::size_t at = s.find("###");
  return at == std::string_view::npos ? std::string_view() : s.substr(at);
}

constexpr int count(std::string_view s, char c) {
  int n = 0;
  for (char x : s) n += x == c;
  return n;
}

consteval bool table_complete() {
  if (std::size(kTable) != static_cast<std::size_t>(kStrCount)) return false;
  for (int i = 0; i < kStrCount; ++i) {
    const Entry& e = kTable[i];
    if (static_cast<int>(e.key) != i) return false;
    const std::string_view en(e.en), zh(e.zh);
    if (en.empty() || zh.empty()) return false;
    if (after_id_marker(en) != after_id_marker(zh)) return false;
    if (count(en, '{') != count(zh, '{') || count(en, '%') != count(zh, '%')) return false;
  }
  return true;
}
static_assert(table_complete(),
              "every Str has an English and a Chinese text, in Str's order, with the same "
              "###id and placeholders");

Lang current = Lang::En;  // like ImGui's context: one per process

}  // namespace

const char* tr(Str key, Lang lang) {
  const int i = static_cast<int>(key);
  if (i < 0 || i >= kStrCount) return "?";
  return lang == Lang::Zh ? kTable[i].zh : kTable[i].en;
}

const char* tr(Str key) {
  return tr(key, current);
}

void set_ui_language(Lang lang) {
  current = lang;
}

Lang ui_language() {
  return current;
}

std::string_view lang_code(Lang lang) {
  return lang == Lang::Zh ? "zh" : "en";
}

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "en") return Lang::En;
  if (code == "zh") return Lang::Zh;
  return std::nullopt;
}

std::string all_ui_text(Lang lang) {
  std::string out;
  for (const Entry& e : kTable) out += lang == Lang::Zh ? e.zh : e.en;
  return out;
}

}  // namespace gb::ui
