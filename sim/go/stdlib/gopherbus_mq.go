// Package mq (import "gopherbus/mq") is the client of the simulator's message-queue broker, in the manner of
// Kafka: topics with partitions chosen by key, consumer groups, offsets committed on acknowledgement. Every call
// is a blocking system call: the goroutine's M waits in the kernel for the broker's reply, and sysmon may hand
// its P to another M meanwhile.
package mq

// A Message as a consumer receives it.
type Message struct {
	Key       string
	Value     string
	Partition int
	Offset    int64
}

// Publish appends value to topic's partition chosen by key, and returns where it went.
func Publish(topic, key, value string) (partition int, offset int64)

// Subscribe joins group as a new consumer of topic and returns the consumer's id.
func Subscribe(group, topic string) int

// Poll returns the next message of the consumer's partitions, or ok == false when none arrived in time.
func Poll(consumer int) (m Message, ok bool) {
	key, value, partition, offset, got := pollRaw(consumer)
	if !got {
		return Message{}, false
	}
	return Message{Key: key, Value: value, Partition: partition, Offset: offset}, true
}

// Commit acknowledges m: the group will not deliver it (or anything before it in its partition) again.
func Commit(consumer int, m Message) {
	commitOffset(consumer, m.Partition, m.Offset+1)
}

func pollRaw(consumer int) (key, value string, partition int, offset int64, ok bool)
func commitOffset(consumer, partition int, next int64)
