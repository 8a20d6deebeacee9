/// The small panel added to the served dashboard: find a customer by name
/// or id and open their hub, or open the worst-case newsletter pages.
/// Data comes from `/_rapport/customers.json`; results are built with
/// `textContent`, so a customer's name never becomes markup.
enum CustomerSwitcher {
    /// The path of the JSON the panel reads.
    static let dataPath = "/_rapport/customers.json"

    static let markup = """
        <style>
        #rapport-switcher{position:fixed;right:1rem;bottom:1rem;z-index:2147483647;width:18rem;padding:.6rem .75rem;font:14px/1.4 system-ui,sans-serif;color:#1a1a1a;background:#fff;border:1px solid #8a8a8a;border-radius:6px;box-shadow:0 2px 10px rgba(0,0,0,.18)}
        #rapport-switcher label{display:block;font-weight:600}
        #rapport-switcher input{box-sizing:border-box;width:100%;margin:.25rem 0;padding:.3rem .4rem;font:inherit}
        #rapport-switcher ul{list-style:none;margin:0;padding:0;max-height:14rem;overflow:auto}
        #rapport-switcher li a{display:block;padding:.15rem 0}
        #rapport-switcher p{margin:.4rem 0 0}
        </style>
        <aside id="rapport-switcher" aria-label="Preview: open a customer">
        <label for="rapport-switcher-q">Open a customer</label>
        <input id="rapport-switcher-q" type="search" placeholder="Name or id" autocomplete="off">
        <ul id="rapport-switcher-results"></ul>
        <p id="rapport-switcher-worst" hidden>Worst case: <a id="rapport-switcher-longest">longest page</a> · <a id="rapport-switcher-emptiest">emptiest page</a></p>
        </aside>
        <script>/* rapport serve: customer switcher */(function(){
        var q=document.getElementById("rapport-switcher-q"),list=document.getElementById("rapport-switcher-results"),all=[];
        function show(){var needle=q.value.trim().toLowerCase();list.textContent="";if(!needle)return;
        var shown=0;for(var i=0;i<all.length&&shown<20;i++){var c=all[i];
        if(c.name.toLowerCase().indexOf(needle)<0&&c.id.toLowerCase().indexOf(needle)<0)continue;
        var li=document.createElement("li"),a=document.createElement("a");a.href=c.path;a.textContent=c.name+" ("+c.id+")";
        li.appendChild(a);list.appendChild(li);shown++;}}
        function link(id,page){var a=document.getElementById(id);a.href=page.path;a.title=page.name+" ("+page.id+"), "+page.bytes+" bytes";}
        q.addEventListener("input",show);
        q.addEventListener("keydown",function(e){var first=list.querySelector("a");if(e.key==="Enter"&&first)location.href=first.href;});
        fetch("\(dataPath)").then(function(r){return r.json();}).then(function(d){all=d.customers||[];show();
        if(d.longest&&d.emptiest){link("rapport-switcher-longest",d.longest);link("rapport-switcher-emptiest",d.emptiest);
        document.getElementById("rapport-switcher-worst").hidden=false;}});
        })();</script>

        """
}
