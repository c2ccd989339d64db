// The studio's own words (menus, panel titles, buttons, fixed labels) in English and Chinese: one table,
// keyed by Str, the language chosen by View > Language or --lang. Go's identifiers and messages, protocol
// states (M E S I O) and bus ops (BusRd, BusRdX...) are never translated. No ImGui: tested headless.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "lessons/lesson.h"

namespace gb::ui {

using lessons::Lang;

// A window title's text ends in "###id" in both languages (checked at compile time): ImGui keys the window
// by the id, so switching language keeps its place and size. Texts with {} are fmt formats (see trf); with %
// they are ImGui's printf formats (a slider's); both languages have the same placeholders.
// Grouped by where the words show, many to a line.
// clang-format off
enum class Str : int {
  // The menu bar.
  MenuFile, MenuOpen, MenuExamples, MenuEditProgram, MenuQuit, MenuRun, MenuPlay, MenuPause,
  MenuRunToBreakpoint, MenuRunToEnd, MenuJustMyCode, MenuJustMyCodeTip, MenuRestart, MenuView, MenuHexWords,
  MenuHexWordsTip, MenuResetLayout, MenuPresentation, MenuUiScale, MenuLanguage, LanguageEnglish,
  LanguageChinese, MenuHelp,
  // The panels' names: the View menu and the bottom row's tabs.
  PanelSource, PanelScheduler, PanelCores, PanelBus, PanelOutput, PanelTimeline, PanelEvents, PanelSync,
  PanelStats, PanelVariables,
  // Window titles.
  TitleControls, TitlePresentationOneCore, TitlePresentation, TitleSource, TitleEditing, TitleScheduler,
  TitleCores, TitleCoresGeometry, TitleBus, TitleBusCount, TitleOutput, TitleTimeline, TitleEvents, TitleSync,
  TitleStats, TitleVariables, TitleOpenDialog,
  // The step kinds (kStepChoices' order).
  StepInstruction, StepInto, StepOver, StepOut, StepMemoryAccess, StepBusTransaction, StepBusOp,
  StepMachineCycle, StepSchedulerEvent,
  TipInstruction, TipInto, TipOver, TipOut, TipMemoryAccess, TipBusTransaction, TipBusOp, TipMachineCycle,
  TipSchedulerEvent,
  // The controls panel.
  ControlsTotals, ControlsLastStep, ControlsNoStep, ControlsInvariantViolated, ControlsBackBy,
  ControlsStepByTip, ControlsForwardTip,
  ControlsToBreakpoint, ControlsToBreakpointTipNone, ControlsToBreakpointTip, ControlsToEnd, ControlsToEndTip,
  ControlsConditionHint, ControlsBackUntil, ControlsBackUntilTip, ControlsRunUntil, ControlsRunUntilTip,
  ControlsBreakWhen, ControlsBreakWhenTip, ControlsRemoveBreakpoint, ControlsLineWhen, ControlsAlwaysWhen,
  ControlsPlay, ControlsPause, ControlsRestart, ControlsMachineTime, ControlsPlayBySteps, ControlsTimeRateTip,
  ControlsStepsPerSecond, ControlsProgramKnobs, ControlsCores, ControlsProtocol, ControlsSeed, ControlsJitter,
  ControlsJitterTip, ControlsTimeScale, ControlsStoreBuffer, ControlsStoreBufferTip, ControlsBug,
  ControlsNoBug, ControlsPayments, ControlsPaymentsTip, ControlsCheck, ControlsCheckTip, ControlsRace, ControlsRaceTip, ControlsKnobRestarts,
  ControlsDoesNotCompile, ControlsKnobs, CompactOver, CompactOut, KeysHelp,
  // File > Open.
  OpenShowAll, OpenFileBytes, OpenFileLabel, OpenHint, OpenOpen, OpenCancel,
  // The other panels' fixed labels.
  SourceRun, SourceCancel, SourceRevert, SourceBreakOnLine, SourceAdd, SchedulerMs, SchedulerGlobalQueue,
  CoresCore, CoresGoVariable, CoresShow, CoresThisStepBus, CoresLastBus, CoresNoBus, CoresNoProgram, CoresNoG,
  CoresIdle, CoresViewLines, CoresViewGrid, CoresViewMemory, BusNone, BusThisStep, BusLatest, BusCausedBy,
  BusRecent, BusProtocolTable, Empty, CoresCounters, CoresAllInvalid, OutputNothing, SchedulerShowAll,
  SchedulerStatus, SchedulerWaitReason, SchedulerFunctionLine, SchedulerGoroutines, SchedulerOther,
  StatsSummary, StatsLostUpdates, TimelineFit, TimelineFitTip, TimelineFollow, TimelineLockAxis,
  TimelineLockAxisTip, TimelineHint, TimelineGcMark, TimelineGcMarkTip,
  // Lesson mode: the menus, the lesson panel, the presenter notes and the map of the path.
  MenuLessons, MenuLeaveLesson, MenuPresenterNotes, LessonIntroduction, LessonCheckpoint, LessonPrevious, LessonNext, LessonReset, LessonMap, LessonNotes, LessonProblemSInThis, LessonYouAreTheScheduler, LessonReachedTheMachineDid, LessonNoGoroutineIsOn, LessonOnCore, LessonLine, LessonPredict, LessonRevealTheMachineS, LessonTheMachine, LessonYouPredictedIt, LessonNotQuiteTheAnswer, LessonLesson, LessonNotTranslatedYet, LessonSuggestedStepFromHere, LessonPresenterNotes, LessonInterviewQuestions, LessonBeginner, LessonIntermediate, LessonAdvanced, LessonClickToOpen, LessonLessonsThePath, LessonBackToTheStudio, LessonOffTrack, LessonSchedulerHowTo, LessonMapIntro,
  // Compare (Run > Compare) and the Runs tab (compare_panel.h).
  MenuCompare, MenuCompareTip, PanelRuns, TitleCompare, TitleRuns, ComparePair, CompareStepTo, CompareStepToTip,
  CompareGo, CompareToEnd, CompareStep, CompareStatements, CompareRestart, CompareReload, CompareStale,
  CompareMetric, CompareRatio, CompareRatioTip, CompareSamePoint, CompareNotSame, ArrivalStart, ArrivalFired,
  ArrivalEnded, ArrivalNotYet, ArrivalStepped, MetricBusTotal, MetricMisses, MetricInvalidations, MetricTime,
  MetricInstructions, MetricSemaWait, MetricLostUpdates, MetricEnding, MetricConfig, RunsNone, RunsClear,
  RunsNow, RunsChanged, RunsRestart, RunsHint,
  // Run > Explore (explore_panel.h).
  MenuExplore, MenuExploreTip, TitleExplore, ExploreIntro, ExploreBound, ExploreBoundTip, ExploreMax, ExploreRace,
  ExploreStart, ExploreCancel, ExploreProgress, ExploreFound, ExploreNone, ExploreStopped, ExploreCancelled,
  LessonExplorerAnswer, LessonExplorerAnswerTip, LessonExplorerSearching, LessonExplorerFound, LessonExplorerNone,
  LessonExplorerOpen,
  Count
};
// clang-format on

inline constexpr int kStrCount = static_cast<int>(Str::Count);

// The text of `key` in the current language, or in `lang`. Never null or empty.
const char* tr(Str key);
const char* tr(Str key, Lang lang);

// The current language (English until set). One per process, as ImGui's context is.
void set_ui_language(Lang lang);
Lang ui_language();

// "en" and "zh", as --lang and the settings file spell them.
std::string_view lang_code(Lang lang);
std::optional<Lang> parse_lang(std::string_view code);

// Every text of the table in `lang`, one after another: what the font atlas must hold.
std::string all_ui_text(Lang lang);

// tr(key) as an fmt format with `args`. A text whose placeholders do not fit comes back unformatted rather
// than throwing (the table's test checks they fit).
template <typename... Args>
std::string trf(Str key, Args&&... args) {
  try {
    return fmt::format(fmt::runtime(tr(key)), std::forward<Args>(args)...);
  } catch (const fmt::format_error&) {
    return tr(key);
  }
}

}  // namespace gb::ui
