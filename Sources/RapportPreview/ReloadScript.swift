/// The inline live-reload script added to every page the preview serves.
enum ReloadScript {
    /// The path of the server-sent event stream.
    static let eventsPath = "/_rapport/events"

    /// A `<script>` that reloads the page when the server's build
    /// generation moves past `generation`: on a good build (`reload`), on
    /// a failed one (`error`, to show the error page) and on reconnecting
    /// after a missed event (`hello`). The browser's own `error` event
    /// (connection lost) has no data and is ignored; EventSource reconnects.
    /// The stream says which page it shows, so only tabs whose page changed reload.
    static func tag(generation: Int) -> String {
        """
        <script>/* rapport serve: live reload */(function(){if(!window.EventSource)return;\
        var g=\(generation),s=new EventSource("\(eventsPath)?page="+encodeURIComponent(location.pathname));\
        function go(e){if(typeof e.data==="string"&&Number(e.data)!==g){s.close();location.reload();}}\
        s.addEventListener("hello",go);s.addEventListener("reload",go);s.addEventListener("error",go);})();</script>

        """
    }
}
