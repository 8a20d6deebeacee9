import Testing

@testable import RapportPreview

@Suite("Reload broadcaster")
struct ReloadBroadcasterTests {
    @Test("every subscriber gets every event in order; finish ends all streams")
    func fanOut() async throws {
        let broadcaster = ReloadBroadcaster()
        let first = broadcaster.subscribe()
        let second = broadcaster.subscribe()
        #expect(broadcaster.subscriberCount == 2)
        broadcaster.send(.reload(generation: 1))
        broadcaster.send(.error(generation: 2))
        broadcaster.finish()
        #expect(broadcaster.subscriberCount == 0)
        for stream in [first.events, second.events] {
            var received: [PreviewEvent] = []
            for await event in stream { received.append(event) }
            #expect(received == [.reload(generation: 1), .error(generation: 2)])
        }
    }

    @Test("an unsubscribed stream ends and gets nothing more; later subscribers after finish end at once")
    func unsubscribeAndLateSubscribers() async throws {
        let broadcaster = ReloadBroadcaster()
        let gone = broadcaster.subscribe()
        broadcaster.unsubscribe(gone.id)
        broadcaster.send(.reload(generation: 1))
        var received: [PreviewEvent] = []
        for await event in gone.events { received.append(event) }
        #expect(received.isEmpty)

        broadcaster.finish()
        let late = broadcaster.subscribe()
        #expect(broadcaster.subscriberCount == 0)
        for await event in late.events { received.append(event) }
        #expect(received.isEmpty)
    }

    @Test("recording a build bumps the generation and signals reload or error")
    func stateSignals() async throws {
        let state = PreviewState(outputDirectory: .init(fileURLWithPath: "/nonexistent"))
        let subscription = state.broadcaster.subscribe()
        state.record(.succeeded)
        state.record(.failed([.error("x", at: nil)]))
        state.record(.succeeded)
        state.broadcaster.finish()
        var received: [PreviewEvent] = []
        for await event in subscription.events { received.append(event) }
        #expect(received == [.reload(generation: 1), .error(generation: 2), .reload(generation: 3)])
        #expect(state.generation == 3)
        #expect(state.status == .succeeded)
    }

    @Test("events use text/event-stream framing")
    func framing() {
        #expect(PreviewEvent.hello(generation: 0).text == "event: hello\ndata: 0\n\n")
        #expect(PreviewEvent.reload(generation: 12).text == "event: reload\ndata: 12\n\n")
        #expect(PreviewEvent.error(generation: 3).text == "event: error\ndata: 3\n\n")
    }
}
